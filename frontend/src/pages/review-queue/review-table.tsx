import { Button, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReviewQueueItem } from "../../../../shared/risk/assessment.ts";
import { overdueBefore } from "../../../../shared/risk/review-queue.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { factorsText } from "../../registry/grade/profile-texts.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import type { Decision } from "./review-dialog.tsx";

/** Waiting longer than the review time limit (shared/risk/review-queue.ts). */
const isOverdue = (submittedAt: string) => submittedAt < overdueBefore(new Date());

interface Props {
  items: readonly ReviewQueueItem[];
  loading: boolean;
  onDecide: (assessment: ReviewQueueItem, decision: Decision) => void;
  /** Rows ticked for a batch decision. */
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
}

/** One row per submitted assessment: source, enterprise, level, score, explanation, actions. */
export function ReviewTable({ items, loading, onDecide, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const columns: ColumnsType<ReviewQueueItem> = [
    {
      key: "source",
      title: t("registry.review.source"),
      width: 180,
      render: (_, a) => (
        <Link to={riskSourceLinks.detail(a.riskSourceId)}>
          {a.riskSourceName ?? a.riskSourceId}
        </Link>
      ),
    },
    {
      key: "enterprise",
      title: t("registry.review.enterprise"),
      width: 200,
      render: (_, a) => a.enterpriseName ?? a.tenantId,
    },
    {
      key: "level",
      title: t("registry.grade.level"),
      width: 110,
      render: (_, a) => <LevelTag level={a.grade.level} />,
    },
    {
      key: "score",
      title: t("registry.grade.score"),
      width: 130,
      render: (_, a) => (
        <>
          {a.grade.score}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {factorsText(a.grade.factors)}
          </Typography.Text>
        </>
      ),
    },
    {
      key: "explanation",
      title: t("registry.grade.explanation"),
      render: (_, a) => <span data-testid="review-explanation">{pick(a.grade.explanation)}</span>,
    },
    {
      key: "submittedAt",
      title: t("portal.queue.submittedAt"),
      width: 150,
      render: (_, a) => (
        <Typography.Text type={isOverdue(a.createdAt) ? "danger" : undefined}>
          {formatDateTime(a.createdAt)}
        </Typography.Text>
      ),
    },
    {
      key: "actions",
      title: t("registry.common.actions"),
      width: 150,
      render: (_, a) => (
        <Space>
          <Button
            type="primary"
            size="small"
            onClick={() => onDecide(a, "accept")}
            data-testid="review-accept"
          >
            {t("registry.review.accept")}
          </Button>
          <Button
            danger
            size="small"
            onClick={() => onDecide(a, "return")}
            data-testid="review-return"
          >
            {t("registry.review.return")}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<ReviewQueueItem>
      data-testid="review-table"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      rowSelection={{
        selectedRowKeys: [...selected],
        onChange: (keys) => onSelect(keys.map(String)),
      }}
      locale={{ emptyText: t("registry.review.empty") }}
    />
  );
}
