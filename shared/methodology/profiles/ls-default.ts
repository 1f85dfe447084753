import { DEFAULT_DIRECT_MAJOR_RULES, DEFAULT_REVIEW_CADENCE_DAYS } from "./direct-major-rules.ts";
import type { MethodProfile } from "./profile-schema.ts";

/**
 * 风险矩阵法 (LS), R = L × S, each 1–5 — the default profile of domain.md §3. S is the worst of
 * five dimensions (law, people, direct loss, downtime, reputation); it is one 1–5 input, or a
 * breakdown whose maximum is S. Dimension texts follow the commonly published LS table.
 *
 * Bands exactly as written: 20–25 major, 9–16 significant, 4–8 general, 1–3 low. They leave
 * gaps (17–19, and none between 8 and 9), but no product of two integers 1–5 lies in a gap:
 * the products are 1 2 3 4 5 6 8 9 10 12 15 16 20 25, each in exactly one band (checked by
 * `findProfileProblems` and by the tests).
 */
export const LS_DEFAULT: MethodProfile = {
  id: "ls-default",
  version: 1,
  kind: "ls",
  status: "published",
  name: { zh: "风险矩阵法（LS）", en: "Risk matrix (LS)" },
  description: {
    zh: "R = L × S，L、S 均取 1～5 的整数；S 取五个维度中最严重者",
    en: "R = L × S, each an integer 1–5; S is the worst of five dimensions",
  },
  score: { symbol: "R", name: { zh: "风险值", en: "Risk value" } },
  factors: [
    {
      letter: "L",
      name: { zh: "事故发生的可能性", en: "Likelihood" },
      values: [
        {
          value: 5,
          zh: "现场没有采取防范、监测、保护、控制措施，或危害的发生不能被发现，或在正常情况下经常发生此类事故或事件",
          en: "No prevention, monitoring or protection; the hazard cannot be detected, or such events happen frequently",
        },
        {
          value: 4,
          zh: "危害的发生不容易被发现，现场没有检测系统；或有控制措施但未有效执行或控制措施不当",
          en: "The hazard is hard to detect, no detection on site; or controls exist but are not applied or unsuitable",
        },
        {
          value: 3,
          zh: "没有保护措施（如没有保护装置、没有个人防护用品），或未严格按操作程序执行，或过去曾经发生类似事故或事件",
          en: "No protective devices or PPE, or procedures not strictly followed, or similar events happened before",
        },
        {
          value: 2,
          zh: "危害一旦发生能及时发现，并定期进行监测；现场有防范控制措施并能有效执行；过去偶尔发生事故或事件",
          en: "The hazard is detected at once and monitored; controls are in place and effective; events are occasional",
        },
        {
          value: 1,
          zh: "有充分、有效的防范、控制、监测、保护措施，员工严格执行操作规程，极不可能发生事故或事件",
          en: "Full and effective prevention, control, monitoring and protection; an event is very unlikely",
        },
      ],
    },
    {
      letter: "S",
      name: {
        zh: "事故后果严重性（五个维度取最严重者）",
        en: "Severity (worst of five dimensions)",
      },
      values: [
        {
          value: 5,
          zh: "违反法律法规；发生死亡；直接经济损失100万元以上；多套装置或设备停工；重大国际影响",
          en: "Violates laws; death; direct loss over ¥1M; several units stopped; major international impact",
        },
        {
          value: 4,
          zh: "潜在违反法规和标准；丧失劳动能力；直接经济损失50万元以上；2套装置停工；行业内、省内影响",
          en: "Potentially violates regulations; loss of work capacity; loss over ¥500k; two units stopped; industry/provincial impact",
        },
        {
          value: 3,
          zh: "不符合上级或行业的安全方针、制度；截肢、骨折、听力丧失、慢性病；直接经济损失1万元以上；1套装置停工；地区影响",
          en: "Breaks sector safety policy; amputation, fracture, chronic illness; loss over ¥10k; one unit stopped; regional impact",
        },
        {
          value: 2,
          zh: "不符合企业的安全操作程序、规定；轻微受伤、间歇不舒服；直接经济损失1万元以下；几乎不停工；公司及周边范围影响",
          en: "Breaks company procedures; minor injury; loss under ¥10k; hardly any downtime; company-level impact",
        },
        {
          value: 1,
          zh: "完全符合法规；没有受伤；无直接经济损失；没有停工；形象没有受损",
          en: "Compliant; no injury; no loss; no downtime; no damage to reputation",
        },
      ],
      dimensions: [
        {
          id: "law",
          name: { zh: "法律法规及其他要求", en: "Laws and other requirements" },
          values: [
            {
              value: 5,
              zh: "违反法律、法规和标准",
              en: "Violates laws, regulations and standards",
            },
            {
              value: 4,
              zh: "潜在违反法规和标准",
              en: "Potentially violates regulations and standards",
            },
            {
              value: 3,
              zh: "不符合上级或行业的安全方针、制度、规定等",
              en: "Breaks sector safety policies",
            },
            {
              value: 2,
              zh: "不符合企业的安全操作程序、规定",
              en: "Breaks company safety procedures",
            },
            { value: 1, zh: "完全符合", en: "Fully compliant" },
          ],
        },
        {
          id: "people",
          name: { zh: "人员伤亡", en: "People" },
          values: [
            { value: 5, zh: "发生死亡", en: "Death" },
            { value: 4, zh: "丧失劳动能力", en: "Loss of work capacity" },
            {
              value: 3,
              zh: "截肢、骨折、听力丧失、慢性病",
              en: "Amputation, fracture, hearing loss, chronic illness",
            },
            { value: 2, zh: "轻微受伤、间歇不舒服", en: "Minor injury, intermittent discomfort" },
            { value: 1, zh: "没有受伤", en: "No injury" },
          ],
        },
        {
          id: "loss",
          name: { zh: "直接经济损失", en: "Direct loss" },
          values: [
            { value: 5, zh: "100万元以上", en: "Over ¥1M" },
            { value: 4, zh: "50万元以上", en: "Over ¥500k" },
            { value: 3, zh: "1万元以上", en: "Over ¥10k" },
            { value: 2, zh: "1万元以下", en: "Under ¥10k" },
            { value: 1, zh: "无损失", en: "None" },
          ],
        },
        {
          id: "downtime",
          name: { zh: "停工", en: "Downtime" },
          values: [
            {
              value: 5,
              zh: "部分装置（2套以上）或设备停工",
              en: "More than two units or equipment stopped",
            },
            { value: 4, zh: "2套装置停工或设备停工", en: "Two units stopped" },
            { value: 3, zh: "1套装置停工或设备停工", en: "One unit stopped" },
            { value: 2, zh: "受影响不大，几乎不停工", en: "Little effect, hardly any downtime" },
            { value: 1, zh: "没有停工", en: "No downtime" },
          ],
        },
        {
          id: "reputation",
          name: { zh: "企业形象", en: "Reputation" },
          values: [
            { value: 5, zh: "重大国际影响", en: "Major international impact" },
            { value: 4, zh: "行业内、省内影响", en: "Industry-wide or provincial impact" },
            { value: 3, zh: "地区影响", en: "Regional impact" },
            { value: 2, zh: "公司及周边范围", en: "Company and surroundings" },
            { value: 1, zh: "形象没有受损", en: "No damage" },
          ],
        },
      ],
    },
  ],
  bands: [
    {
      id: "r-20-25",
      level: "major",
      min: { value: 20, inclusive: true },
      max: { value: 25, inclusive: true },
    },
    {
      id: "r-9-16",
      level: "significant",
      min: { value: 9, inclusive: true },
      max: { value: 16, inclusive: true },
    },
    {
      id: "r-4-8",
      level: "general",
      min: { value: 4, inclusive: true },
      max: { value: 8, inclusive: true },
    },
    {
      id: "r-1-3",
      level: "low",
      min: { value: 1, inclusive: true },
      max: { value: 3, inclusive: true },
    },
  ],
  directMajorRules: [...DEFAULT_DIRECT_MAJOR_RULES],
  reviewCadenceDays: { ...DEFAULT_REVIEW_CADENCE_DAYS },
};
