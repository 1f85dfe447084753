import * as z from "zod";
import type { Bilingual } from "../errors.ts";

/** The four risk levels, highest first (安委办〔2016〕11号, domain.md §2). */
export const LEVELS = ["major", "significant", "general", "low"] as const;

export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export interface LevelColour {
  id: "red" | "orange" | "yellow" | "blue";
  name: Bilingual;
  /** Suggested display colour, domain.md §2. */
  hex: string;
}

export interface LevelInfo {
  id: Level;
  /** 4 for `major` down to 1 for `low`; higher is more severe. */
  rank: number;
  name: Bilingual;
  colour: LevelColour;
  /** Who controls a source of this level inside the enterprise (分级管控). */
  controlOwner: Bilingual;
}

/** Names, colours and control owners of each level, per domain.md §2 (安委办〔2016〕11号). */
export const LEVEL_INFO: Readonly<Record<Level, LevelInfo>> = Object.freeze({
  major: {
    id: "major",
    rank: 4,
    name: { zh: "重大风险", en: "Major risk" },
    colour: { id: "red", name: { zh: "红", en: "red" }, hex: "#E5202E" },
    controlOwner: {
      zh: "企业主要负责人管控；建立管控档案，停产整改直至风险降低",
      en: "The enterprise's principal; a control file; stop and fix until the risk is lowered",
    },
  },
  significant: {
    id: "significant",
    rank: 3,
    name: { zh: "较大风险", en: "Significant risk" },
    colour: { id: "orange", name: { zh: "橙", en: "orange" }, hex: "#F27B1F" },
    controlOwner: {
      zh: "安全管理部门会同各职能部门管控",
      en: "The safety department together with the functional departments",
    },
  },
  general: {
    id: "general",
    rank: 2,
    name: { zh: "一般风险", en: "General risk" },
    colour: { id: "yellow", name: { zh: "黄", en: "yellow" }, hex: "#F5C400" },
    controlOwner: {
      zh: "车间（部门）管控，安全管理部门监督",
      en: "The workshop, supervised by the safety department",
    },
  },
  low: {
    id: "low",
    rank: 1,
    name: { zh: "低风险", en: "Low risk" },
    colour: { id: "blue", name: { zh: "蓝", en: "blue" }, hex: "#2F6FDE" },
    controlOwner: {
      zh: "班组（岗位）管控，车间监督",
      en: "The team, supervised by the workshop",
    },
  },
});

const RANK: Readonly<Record<Level, number>> = { major: 4, significant: 3, general: 2, low: 1 };

/** Severity rank of a level: `low` 1 … `major` 4 (domain.md §2). */
export function levelRank(level: Level): number {
  return RANK[level];
}

/** Negative when `a` is less severe than `b`, 0 when equal, positive when more severe. */
export function compareLevels(a: Level, b: Level): number {
  return RANK[a] - RANK[b];
}

/** Whether `a` is strictly more severe than `b`. */
export function isAbove(a: Level, b: Level): boolean {
  return RANK[a] > RANK[b];
}

/**
 * The most severe of the given levels ("a risk controlled above is also controlled by every
 * level below it", domain.md §2); `undefined` for none.
 */
export function maxLevel(...levels: readonly Level[]): Level | undefined {
  let best: Level | undefined;
  for (const level of levels) if (best === undefined || RANK[level] > RANK[best]) best = level;
  return best;
}

/** The least severe of the given levels; `undefined` for none. */
export function minLevel(...levels: readonly Level[]): Level | undefined {
  let best: Level | undefined;
  for (const level of levels) if (best === undefined || RANK[level] < RANK[best]) best = level;
  return best;
}

/** Display label such as "重大风险（红）" / "Major risk (red)". */
export function levelLabel(level: Level): Bilingual {
  const info = LEVEL_INFO[level];
  return {
    zh: `${info.name.zh}（${info.colour.name.zh}）`,
    en: `${info.name.en} (${info.colour.name.en})`,
  };
}
