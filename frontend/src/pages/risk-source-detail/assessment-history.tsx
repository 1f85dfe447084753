import { Card, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { AssessmentStatusTag } from "../../registry/grade/assessment-status-tag.tsx";
import { factorsText } from "../../registry/grade/profile-texts.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { AssessmentDetails } from "./assessment-details.tsx";

interface Props {
  assessments: readonly Assessment[] | undefined;
  profiles: readonly MethodProfile[] | undefined;
  loading: boolean;
}

/** Every assessment of the source, newest first, with its grade and review status. */
export function AssessmentHistory({ assessments, profiles, loading }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const profileOf = (a: Assessment) =>
    profiles?.find((p) => p.id === a.profileId && p.version === a.profileVersion) ??
    profiles?.find((p) => p.id === a.profileId);
  const columns: ColumnsType<Assessment> = [
    {
      key: "gradedAt",
      title: t("registry.history.gradedAt"),
      render: (_, a) => formatDateTime(a.gradedAt),
    },
    {
      key: "profile",
      title: t("registry.history.profile"),
      render: (_, a) => {
        const profile = profileOf(a);
        return `${profile ? pick(profile.name) : a.profileId} v${a.profileVersion}`;
      },
    },
    {
      key: "inputs",
      title: t("registry.history.inputs"),
      render: (_, a) => factorsText(a.grade.factors),
    },
    { key: "score", title: t("registry.grade.score"), render: (_, a) => a.grade.score },
    {
      key: "level",
      title: t("registry.grade.level"),
      render: (_, a) => <LevelTag level={a.grade.level} />,
    },
    {
      key: "status",
      title: t("registry.history.status"),
      render: (_, a) => <AssessmentStatusTag status={a.status} />,
    },
    {
      key: "comment",
      title: t("registry.history.comment"),
      render: (_, a) => a.review?.comment ?? "—",
    },
  ];
  return (
    <Card title={t("registry.detail.history")} size="small">
      <Table<Assessment>
        data-testid="assessment-history"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={assessments}
        loading={loading}
        pagination={false}
        expandable={{
          expandedRowRender: (a) => <AssessmentDetails assessment={a} profile={profileOf(a)} />,
        }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t("registry.detail.noHistory")}</Typography.Text>
          ),
        }}
      />
    </Card>
  );
}
