import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import { formatDate, formatDateTime, isOverdue } from "../../registry/dates.ts";
import { AssessmentStatusTag } from "../../registry/grade/assessment-status-tag.tsx";
import { LevelTag } from "../../theme/level-tag.tsx";

/** Current (现实) and inherent (固有) level, the next review date and the last assessment. */
export function GradingCard({ source }: { source: RiskSource }) {
  const { t } = useTranslation();
  const notGraded = (
    <Typography.Text type="secondary">{t("registry.common.notGraded")}</Typography.Text>
  );
  const overdue = isOverdue(source.nextReviewAt);
  return (
    <Card title={t("registry.detail.grading")} size="small" data-testid="grading">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "current",
            label: t("registry.fields.currentLevel"),
            children: (
              <span data-testid="current-level">
                {source.currentLevel ? <LevelTag level={source.currentLevel} /> : notGraded}
              </span>
            ),
          },
          {
            key: "inherent",
            label: t("registry.fields.inherentLevel"),
            children: source.inherentLevel ? <LevelTag level={source.inherentLevel} /> : "—",
          },
          {
            key: "nextReview",
            label: t("registry.fields.nextReview"),
            children: (
              <Typography.Text type={overdue ? "danger" : undefined}>
                {formatDate(source.nextReviewAt)}
                {overdue ? ` (${t("registry.detail.overdue")})` : ""}
              </Typography.Text>
            ),
          },
          {
            key: "last",
            label: t("registry.fields.lastAssessment"),
            children: source.lastAssessment ? (
              <span data-testid="last-assessment">
                {formatDateTime(source.lastAssessment.gradedAt)} ·{" "}
                <AssessmentStatusTag status={source.lastAssessment.status} />
              </span>
            ) : (
              "—"
            ),
          },
        ]}
      />
    </Card>
  );
}
