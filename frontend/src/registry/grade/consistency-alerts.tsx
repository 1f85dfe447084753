import { Alert, Flex } from "antd";
import { useTranslation } from "react-i18next";
import type { GradeConsistency } from "../../../../shared/methodology/grade-schema.ts";

/** Flags of domain.md §3: current above inherent, or lowered with no control recorded. */
export function ConsistencyAlerts({ consistency }: { consistency: GradeConsistency }) {
  const { t } = useTranslation();
  const flags = (["currentAboveInherent", "loweredWithoutControls"] as const).filter(
    (flag) => consistency[flag],
  );
  if (flags.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="consistency-flags">
      {flags.map((flag) => (
        <Alert key={flag} type="warning" showIcon title={t(`registry.grade.consistency.${flag}`)} />
      ))}
    </Flex>
  );
}
