/**
 * The four risk levels and their colours, per domain.md §2 (basis: 安委办〔2016〕11号); their
 * names are UI texts in the i18next resources (`levels.names`). Kept apart from
 * `shared/methodology/levels.ts` so the entry chunk (the theme) does not load zod.
 */
export const LEVEL_IDS = ["major", "significant", "general", "low"] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export interface LevelStyle {
  color: string;
  /** Text drawn on the colour; dark on yellow and orange for contrast (WCAG AA, axe-checked). */
  onColor: string;
}

export const LEVELS: Readonly<Record<LevelId, LevelStyle>> = {
  major: { color: "#E5202E", onColor: "#FFFFFF" },
  significant: { color: "#F27B1F", onColor: "#1F1F1F" },
  general: { color: "#F5C400", onColor: "#1F1F1F" },
  low: { color: "#2F6FDE", onColor: "#FFFFFF" },
};
