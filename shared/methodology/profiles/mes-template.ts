import { DEFAULT_DIRECT_MAJOR_RULES, DEFAULT_REVIEW_CADENCE_DAYS } from "./direct-major-rules.ts";
import { LEC_EXPOSURE_FACTOR } from "./lec-default.ts";
import type { MethodProfile } from "./profile-schema.ts";

/**
 * MES, R = M × E × S — an unpublished template (domain.md §3). M and E are from public
 * sources; no public S table or band table was found, so both are left empty for a city
 * administrator to complete and publish as a new profile. Grading with it is rejected.
 */
export const MES_TEMPLATE: MethodProfile = {
  id: "mes-template",
  version: 1,
  kind: "mes",
  status: "template",
  name: { zh: "MES 评价法（模板，待完善）", en: "MES method (template, incomplete)" },
  description: {
    zh: "R = M × E × S；S 取值表与分级区间未找到公开依据，须由管理员补充后发布",
    en: "R = M × E × S; the S table and bands have no public source and must be completed",
  },
  score: { symbol: "R", name: { zh: "风险值", en: "Risk value" } },
  factors: [
    {
      letter: "M",
      name: { zh: "控制措施的状态", en: "State of controls" },
      values: [
        { value: 5, zh: "无控制措施", en: "No controls" },
        {
          value: 3,
          zh: "有减轻后果的应急措施，如警报系统、个体防护用品",
          en: "Only mitigating measures such as alarms or PPE",
        },
        { value: 1, zh: "有有效的预防措施", en: "Effective preventive measures" },
      ],
    },
    LEC_EXPOSURE_FACTOR,
    {
      letter: "S",
      name: { zh: "事故的可能后果", en: "Possible consequence" },
      values: [],
    },
  ],
  bands: [],
  directMajorRules: [...DEFAULT_DIRECT_MAJOR_RULES],
  reviewCadenceDays: { ...DEFAULT_REVIEW_CADENCE_DAYS },
};
