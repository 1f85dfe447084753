import { Card, Flex, Progress, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  type CapabilityAssessment,
  type CapabilityChecklist,
  DIMENSION_LABELS,
} from "../../../../shared/readiness/capability.ts";
import { useLanguage } from "../../i18n/use-language.ts";

/** Below this a dimension is shown as weak (red); the checklist gives no official bands. */
const WEAK_BELOW = 60;

/** One assessment: the overall score, then each dimension weakest first with its gaps named. */
export function CapabilityResult(props: {
  assessment: CapabilityAssessment;
  checklist: CapabilityChecklist | undefined;
}) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { assessment } = props;
  const labelOf = (itemId: string) => {
    const item = props.checklist?.dimensions.flatMap((d) => d.items).find((i) => i.id === itemId);
    return item ? pick(item.label) : itemId;
  };
  return (
    <Card
      size="small"
      title={`${t("capability.latest")} · ${assessment.assessedOn} · ${assessment.assessor}`}
      data-testid="capability-result"
    >
      <Flex vertical gap={12}>
        <Statistic
          title={t("capability.overall")}
          value={assessment.overall ?? "—"}
          suffix={assessment.overall === null ? undefined : "/ 100"}
        />
        {assessment.dimensions.map((d) => (
          <div key={d.dimension} data-testid={`dimension-${d.dimension}`}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{pick(DIMENSION_LABELS[d.dimension])}</Typography.Text>
              <Typography.Text>
                {d.score === null ? t("capability.notScored") : d.score}
              </Typography.Text>
            </Flex>
            {d.score !== null && (
              <Progress
                percent={d.score}
                showInfo={false}
                status={d.score < WEAK_BELOW ? "exception" : "normal"}
                aria-label={pick(DIMENSION_LABELS[d.dimension])}
              />
            )}
            {d.gaps.length > 0 && (
              <Typography.Text type="secondary">
                {t("capability.gaps")}: {d.gaps.map(labelOf).join("；")}
              </Typography.Text>
            )}
          </div>
        ))}
        {assessment.notes && <Typography.Paragraph>{assessment.notes}</Typography.Paragraph>}
      </Flex>
    </Card>
  );
}
