import { Alert, Card, Divider, Empty, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { errorText } from "../../api/error-text.ts";
import { ConsistencyAlerts } from "../../registry/grade/consistency-alerts.tsx";
import { GradeOutcomeView } from "../../registry/grade/grade-outcome.tsx";
import type { PreviewState } from "./use-grade-preview.ts";

interface Props {
  preview: PreviewState;
  profile: MethodProfile | undefined;
  ready: boolean;
}

/** The live grade of the inputs as the server computes it, with its explanation. */
export function GradePanel({ preview, profile, ready }: Props) {
  const { t } = useTranslation();
  const { grade, error, loading } = preview;
  return (
    <Card
      title={t("registry.grade.title")}
      size="small"
      data-testid="grade-panel"
      data-state={loading ? "loading" : grade ? "graded" : error ? "error" : "waiting"}
      extra={loading ? <Spin size="small" /> : null}
    >
      {!ready && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.grade.waiting")} />
      )}
      {ready && error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={t("registry.grade.failed")}
          description={errorText(error, t)}
        />
      )}
      {ready && grade && (
        <>
          <GradeOutcomeView outcome={grade} profile={profile} testId="live-grade" />
          {grade.inherent && (
            <>
              <Divider style={{ margin: "12px 0" }} />
              <Typography.Text strong>{t("registry.assess.inherent")}</Typography.Text>
              <GradeOutcomeView
                outcome={grade.inherent}
                profile={profile}
                testId="live-grade-inherent"
              />
            </>
          )}
          <ConsistencyAlerts consistency={grade.consistency} />
        </>
      )}
    </Card>
  );
}
