import { Alert, Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import type { Assessment } from "../../../../shared/risk/assessment.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { ConsistencyAlerts } from "../../registry/grade/consistency-alerts.tsx";
import { GradeOutcomeView } from "../../registry/grade/grade-outcome.tsx";
import { ruleText } from "../../registry/grade/profile-texts.ts";

/** The expanded history row: both grades with explanations, rules claimed, flags, note. */
export function AssessmentDetails({
  assessment,
  profile,
}: {
  assessment: Assessment;
  profile: MethodProfile | undefined;
}) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { grade } = assessment;
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t("registry.assess.current")}</Typography.Text>
        <GradeOutcomeView outcome={grade} profile={profile} />
      </Col>
      {grade.inherent && (
        <Col xs={24} md={12}>
          <Typography.Text strong>{t("registry.assess.inherent")}</Typography.Text>
          <GradeOutcomeView outcome={grade.inherent} profile={profile} />
        </Col>
      )}
      <Col span={24}>
        <ConsistencyAlerts consistency={grade.consistency} />
        {assessment.inputs.directRules.map((rule) => (
          <Alert
            key={rule.id}
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={pick(ruleText(profile, rule.id))}
            description={`${t("registry.assess.evidence")}: ${rule.evidence}`}
          />
        ))}
        {assessment.note && (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t("registry.assess.note")}: {assessment.note}
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
