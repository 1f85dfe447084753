/**
 * The four risk levels and their colours, per domain.md §2 (basis: 安委办〔2016〕11号).
 * Kept here until `shared/methodology/levels.ts` exists; then this file should re-export it.
 */
export const LEVEL_IDS = ["major", "significant", "general", "low"] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export interface LevelStyle {
  label: { zh: string; en: string };
  color: string;
  /** Text drawn on the colour; dark on yellow for contrast (WCAG AA). */
  onColor: string;
}

export const LEVELS: Readonly<Record<LevelId, LevelStyle>> = {
  major: { label: { zh: "重大风险", en: "Major risk" }, color: "#E5202E", onColor: "#FFFFFF" },
  significant: {
    label: { zh: "较大风险", en: "Significant risk" },
    color: "#F27B1F",
    onColor: "#FFFFFF",
  },
  general: { label: { zh: "一般风险", en: "General risk" }, color: "#F5C400", onColor: "#1F1F1F" },
  low: { label: { zh: "低风险", en: "Low risk" }, color: "#2F6FDE", onColor: "#FFFFFF" },
};
