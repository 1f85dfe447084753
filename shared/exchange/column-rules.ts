import { DISTRICTS } from "../catalogs/districts.ts";
import { HAZARD_FACTOR_CATEGORIES } from "../catalogs/hazard-factors.ts";
import { INDUSTRIES } from "../catalogs/industries.ts";
import type { Bilingual } from "../errors.ts";

/** The first few names of a catalog, enough to show what a cell should hold. */
function examples(names: readonly { zh: string }[], count = 6): string {
  const shown = names.slice(0, count).map((n) => n.zh);
  return names.length > count ? `${shown.join("、")} 等` : shown.join("、");
}

/** Catalog cells in words: what the import parser (`catalog-cells.ts`) accepts. */
export const INDUSTRY_RULE: Bilingual = {
  zh: `应为行业名称或编号，如 ${examples(INDUSTRIES.map((i) => i.name))}`,
  en: `expected an industry name or id, e.g. ${INDUSTRIES.slice(0, 3)
    .map((i) => `${i.name.zh} (${i.id})`)
    .join(", ")}`,
};

export const DISTRICT_RULE: Bilingual = {
  zh: `应为北京市的区名称或 6 位区划代码，如 ${examples(DISTRICTS.map((d) => d.name))}`,
  en: "expected a Beijing district name or its 6-digit code, e.g. 朝阳区 or 110105",
};

export const ACCIDENT_TYPES_RULE: Bilingual = {
  zh: "应为 GB 6441-1986 事故类型名称或代码（01–20），如 火灾；其他爆炸，多项以“；”分隔",
  en: "expected GB 6441-1986 accident types by name or code (01–20), e.g. 火灾；其他爆炸, separated by ；",
};

export const HAZARD_FACTORS_RULE: Bilingual = {
  zh: `应为危险有害因素类别名称或代码（1–4）：${examples(HAZARD_FACTOR_CATEGORIES.map((c) => c.name))}，多项以“；”分隔`,
  en: "expected hazard factor categories by name or code (1–4): 人的因素, 物的因素, 环境因素, 管理因素, separated by ；",
};
