import { DEFAULT_DIRECT_MAJOR_RULES, DEFAULT_REVIEW_CADENCE_DAYS } from "./direct-major-rules.ts";
import type { Factor, MethodProfile } from "./profile-schema.ts";

/** E of LEC, shared with the MES template (domain.md §3). */
export const LEC_EXPOSURE_FACTOR: Factor = {
  letter: "E",
  name: { zh: "暴露于危险环境的频繁程度", en: "Frequency of exposure" },
  values: [
    { value: 10, zh: "连续暴露", en: "Continuous" },
    { value: 6, zh: "每天工作时间内暴露", en: "Daily during working hours" },
    { value: 3, zh: "每周一次或偶然暴露", en: "Weekly or occasionally" },
    { value: 2, zh: "每月一次暴露", en: "Monthly" },
    { value: 1, zh: "每年几次暴露", en: "A few times a year" },
    { value: 0.5, zh: "非常罕见地暴露", en: "Very rarely" },
  ],
};

/**
 * 作业条件危险性分析法 (LEC), D = L × E × C — the default profile, tables and bands exactly as
 * domain.md §3: D > 320 major; 160 < D ≤ 320 significant; 70 ≤ D ≤ 160 general; D < 70 low
 * (the classic five LEC bands with 一般危险 and 稍有危险 folded into `low`).
 */
export const LEC_DEFAULT: MethodProfile = {
  id: "lec-default",
  version: 1,
  kind: "lec",
  status: "published",
  name: { zh: "作业条件危险性分析法（LEC）", en: "Job hazard analysis (LEC)" },
  description: {
    zh: "D = L × E × C，只能取表中给定的数值",
    en: "D = L × E × C; only the values of the tables are valid",
  },
  score: { symbol: "D", name: { zh: "危险性分值", en: "Hazard score" } },
  factors: [
    {
      letter: "L",
      name: { zh: "事故发生的可能性", en: "Likelihood of an accident" },
      values: [
        { value: 10, zh: "完全可以预料", en: "Fully expected" },
        { value: 6, zh: "相当可能", en: "Quite possible" },
        { value: 3, zh: "可能，但不经常", en: "Possible but unusual" },
        { value: 1, zh: "可能性小，完全意外", en: "Unlikely, a pure accident" },
        { value: 0.5, zh: "很不可能，可以设想", en: "Very unlikely but conceivable" },
        { value: 0.2, zh: "极不可能", en: "Extremely unlikely" },
        { value: 0.1, zh: "实际不可能", en: "Practically impossible" },
      ],
    },
    LEC_EXPOSURE_FACTOR,
    {
      letter: "C",
      name: { zh: "发生事故可能造成的后果", en: "Consequence of an accident" },
      values: [
        { value: 100, zh: "大灾难，许多人死亡", en: "Catastrophe, many deaths" },
        { value: 40, zh: "灾难，数人死亡", en: "Disaster, several deaths" },
        { value: 15, zh: "非常严重，一人死亡", en: "Very serious, one death" },
        { value: 7, zh: "严重，重伤", en: "Serious, severe injury" },
        { value: 3, zh: "重大，致残", en: "Considerable, disability" },
        { value: 1, zh: "引人注目，需要救护", en: "Noticeable, first aid needed" },
      ],
    },
  ],
  bands: [
    {
      id: "d-above-320",
      level: "major",
      name: { zh: "极其危险，不能继续作业", en: "Extremely dangerous, stop work" },
      min: { value: 320, inclusive: false },
    },
    {
      id: "d-160-320",
      level: "significant",
      name: { zh: "高度危险，需要立即整改", en: "Highly dangerous, fix at once" },
      min: { value: 160, inclusive: false },
      max: { value: 320, inclusive: true },
    },
    {
      id: "d-70-160",
      level: "general",
      name: { zh: "显著危险，需要整改", en: "Considerably dangerous, needs fixing" },
      min: { value: 70, inclusive: true },
      max: { value: 160, inclusive: true },
    },
    {
      id: "d-below-70",
      level: "low",
      name: { zh: "一般危险或稍有危险", en: "Possibly or slightly dangerous" },
      max: { value: 70, inclusive: false },
    },
  ],
  directMajorRules: [...DEFAULT_DIRECT_MAJOR_RULES],
  reviewCadenceDays: { ...DEFAULT_REVIEW_CADENCE_DAYS },
};
