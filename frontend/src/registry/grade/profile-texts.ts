import type { DecidedBy } from "../../../../shared/methodology/grade-schema.ts";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import type { LocalizedText } from "../../i18n/languages.ts";

const same = (text: string): LocalizedText => ({ zh: text, en: text });

/** A band's name, e.g. 显著危险，需要整改, where the profile names its bands. */
export function bandName(
  profile: MethodProfile | undefined,
  bandId: string,
): LocalizedText | undefined {
  return profile?.bands.find((b) => b.id === bandId)?.name;
}

/** A direct-major rule's text; its id where the profile is unknown. */
export function ruleText(profile: MethodProfile | undefined, ruleId: string): LocalizedText {
  return profile?.directMajorRules.find((r) => r.id === ruleId)?.text ?? same(ruleId);
}

/** What decided the level: the band, or the rule that made it major (domain.md §3). */
export function decidedByText(
  profile: MethodProfile | undefined,
  decidedBy: DecidedBy,
): LocalizedText {
  return decidedBy.kind === "rule"
    ? ruleText(profile, decidedBy.id)
    : (bandName(profile, decidedBy.id) ?? same(decidedBy.id));
}

/** `L=3 E=6 C=7` */
export function factorsText(factors: Readonly<Record<string, number>>): string {
  return Object.entries(factors)
    .map(([letter, value]) => `${letter}=${value}`)
    .join(" ");
}

/** A band's range as a formula, e.g. `70 ≤ D ≤ 160` or `D > 320`; empty when unknown. */
export function bandRange(profile: MethodProfile | undefined, bandId: string): string {
  const band = profile?.bands.find((b) => b.id === bandId);
  if (!band || !profile) return "";
  const symbol = profile.score.symbol;
  const lower = band.min ? `${band.min.value} ${band.min.inclusive ? "≤" : "<"} ` : "";
  const upper = band.max ? ` ${band.max.inclusive ? "≤" : "<"} ${band.max.value}` : "";
  if (lower && upper) return `${lower}${symbol}${upper}`;
  if (lower) return `${symbol} ${band.min?.inclusive ? "≥" : ">"} ${band.min?.value}`;
  if (upper) return `${symbol}${upper}`;
  return "";
}
