import type { DirectMajorRule, ReviewCadence } from "./profile-schema.ts";

/**
 * The default 直接判定为重大风险 rules (domain.md §3). The first three have a public basis; the
 * last two are product defaults. Profiles copy them and may change them per version.
 */
export const DEFAULT_DIRECT_MAJOR_RULES: readonly DirectMajorRule[] = [
  {
    id: "violates-mandatory-law",
    text: {
      zh: "违反法律、法规及国家强制性标准",
      en: "Violates laws, regulations or mandatory national standards",
    },
    basis: {
      zh: "安委办〔2016〕11号；风险分级管控通则（直接判定）",
      en: "State Council Work Safety Committee Office doc. [2016] No. 11; direct determination",
    },
    evidenceRequired: {
      zh: "违反的条款及现场情况说明（检查记录、照片）",
      en: "The clause violated and a description of the situation (inspection record, photos)",
    },
  },
  {
    id: "major-hazard-installation",
    text: {
      zh: "构成或包含重大危险源（GB 18218）",
      en: "Is or contains a major hazard installation (GB 18218)",
    },
    basis: {
      zh: "GB 18218《危险化学品重大危险源辨识》；安委办〔2016〕11号",
      en: "GB 18218 Identification of major hazard installations for hazardous chemicals",
    },
    evidenceRequired: {
      zh: "重大危险源辨识报告或备案登记表",
      en: "The major hazard identification report or its registration record",
    },
  },
  {
    id: "open-major-hidden-danger",
    text: {
      zh: "存在尚未销号的重大事故隐患",
      en: "An open major accident hidden danger exists on the source",
    },
    basis: {
      zh: "安监总局令第16号《安全生产事故隐患排查治理暂行规定》",
      en: "SAWS Order No. 16 on hidden danger investigation and rectification",
    },
    evidenceRequired: {
      zh: "重大事故隐患编号及排查记录",
      en: "The major hidden danger's record number and inspection record",
    },
  },
  {
    id: "fatal-accident-12m",
    text: {
      zh: "近12个月内本风险源或本企业同类风险源发生过死亡事故",
      en: "A fatal accident at this or an identical source of the enterprise within 12 months",
    },
    basis: { zh: "产品默认规则", en: "Product default" },
    evidenceRequired: {
      zh: "事故报告或事故调查结论",
      en: "The accident report or investigation conclusion",
    },
  },
  {
    id: "fire-explosion-poison-10plus",
    text: {
      zh: "存在火灾、爆炸或中毒危险，且同一时间暴露人数在10人及以上",
      en: "Fire, explosion or poisoning hazard with 10 or more people exposed at once",
    },
    basis: { zh: "产品默认规则", en: "Product default" },
    evidenceRequired: {
      zh: "作业场所同时在岗（在场）人数的说明",
      en: "A statement of the number of people present at once",
    },
  },
];

/** Review cadence per level in days, product defaults (domain.md §4). */
export const DEFAULT_REVIEW_CADENCE_DAYS: ReviewCadence = {
  major: 30,
  significant: 90,
  general: 180,
  low: 365,
};
