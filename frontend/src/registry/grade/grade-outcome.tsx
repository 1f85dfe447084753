import { Alert, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { GradeOutcome } from "../../../../shared/methodology/grade-schema.ts";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { bandName, bandRange, decidedByText } from "./profile-texts.ts";

interface Props {
  outcome: GradeOutcome;
  profile: MethodProfile | undefined;
  testId?: string;
}

/** One graded set of inputs: level, score, band, what decided it and the explanation. */
export function GradeOutcomeView({ outcome, profile, testId }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const symbol = profile?.score.symbol ?? "";
  const bandText = () => {
    const name = bandName(profile, outcome.scoreBand.id);
    const range = bandRange(profile, outcome.scoreBand.id) || outcome.scoreBand.id;
    return name ? t("registry.grade.bandWithName", { range, name: pick(name) }) : range;
  };
  return (
    <div data-testid={testId} data-level={outcome.level}>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "level",
            label: t("registry.grade.level"),
            children: <LevelTag level={outcome.level} />,
          },
          {
            key: "score",
            label: t("registry.grade.score"),
            children: (
              <span data-testid={testId ? `${testId}-score` : undefined}>
                {symbol ? `${symbol} = ${outcome.score}` : outcome.score}
              </span>
            ),
          },
          {
            key: "band",
            label: t("registry.grade.band"),
            children: bandText(),
          },
          {
            key: "decidedBy",
            label: t("registry.grade.decidedBy"),
            children:
              outcome.decidedBy.kind === "rule"
                ? t("registry.grade.byRule", {
                    rule: pick(decidedByText(profile, outcome.decidedBy)),
                  })
                : t("registry.grade.byBand"),
          },
        ]}
      />
      <Alert
        type={outcome.decidedBy.kind === "rule" ? "error" : "info"}
        style={{ marginTop: 8 }}
        title={t("registry.grade.explanation")}
        description={
          <span data-testid={testId ? `${testId}-explanation` : undefined}>
            {pick(outcome.explanation)}
          </span>
        }
      />
    </div>
  );
}
