import { type CapabilityChecklist, CapabilityChecklistSchema } from "./capability.ts";

const item = (id: string, zh: string, en: string, weight: 1 | 2 | 3) => ({
  id,
  label: { zh, en },
  weight,
});

/**
 * Every version of the capability checklist ever published, oldest first. A version is never
 * edited once published: a change is a new version, and assessments keep the one they answered.
 */
export const CAPABILITY_CHECKLISTS: readonly CapabilityChecklist[] = [
  {
    id: "capability",
    version: 1,
    effectiveFrom: "2026-01-01",
    dimensions: [
      {
        dimension: "organisation",
        items: [
          item(
            "org.leadership",
            "成立应急管理领导机构并明确负责人",
            "An emergency leadership group with a named head",
            3,
          ),
          item(
            "org.duties",
            "应急职责写入各岗位责任制",
            "Emergency duties written into each post's responsibilities",
            2,
          ),
          item(
            "org.contacts",
            "应急通讯录每季度更新",
            "The emergency contact list updated each quarter",
            1,
          ),
        ],
      },
      {
        dimension: "rules",
        items: [
          item(
            "rules.system",
            "建立应急管理制度（值班、报告、物资管理）",
            "Emergency rules in force (duty, reporting, supplies)",
            2,
          ),
          item("rules.duty", "落实24小时应急值班", "A 24-hour emergency duty kept", 2),
          item(
            "rules.reporting",
            "事故信息报告程序明确",
            "A clear procedure for reporting accidents",
            2,
          ),
        ],
      },
      {
        dimension: "riskControl",
        items: [
          item(
            "risk.assessed",
            "风险源全部辨识评估且评估在有效期内",
            "Every risk source identified, its assessment current",
            3,
          ),
          item(
            "risk.hiddenDangers",
            "隐患排查治理闭环（五到位）",
            "Hidden dangers rectified to closure (五到位)",
            3,
          ),
          item(
            "risk.monitoring",
            "重大风险源实时监测预警",
            "Major sources monitored with warnings",
            2,
          ),
        ],
      },
      {
        dimension: "plansAndDrills",
        items: [
          item("plans.filed", "应急预案编制、评审并备案", "Plans written, reviewed and filed", 3),
          item(
            "plans.oneToOne",
            "重大风险源一源一案",
            "A one-to-one plan for every major source",
            2,
          ),
          item("plans.drills", "每年至少演练一次并评估", "At least one drill a year, evaluated", 2),
        ],
      },
      {
        dimension: "response",
        items: [
          item(
            "response.alarm",
            "报警与分级响应启动程序",
            "An alarm and graded-response procedure",
            3,
          ),
          item(
            "response.evacuation",
            "疏散路线与集合点标识清楚",
            "Evacuation routes and assembly points marked",
            2,
          ),
          item("response.cards", "岗位应急处置卡", "Response cards at each post", 2),
        ],
      },
      {
        dimension: "recovery",
        items: [
          item(
            "recovery.restart",
            "善后处置与恢复生产程序",
            "A procedure for aftermath and restart",
            2,
          ),
          item(
            "recovery.investigation",
            "事故调查与原因分析",
            "Accidents investigated, causes analysed",
            2,
          ),
          item(
            "recovery.insurance",
            "投保安全生产责任保险",
            "Work-safety liability insurance held",
            1,
          ),
        ],
      },
      {
        dimension: "support",
        items: [
          item(
            "support.team",
            "应急队伍（专职、兼职或协议）",
            "An emergency team (full-time, part-time or by agreement)",
            3,
          ),
          item(
            "support.supplies",
            "应急物资装备配备并定期检查",
            "Supplies and equipment stocked and checked",
            2,
          ),
          item("support.funds", "应急经费列入预算", "Emergency funds in the budget", 1),
        ],
      },
      {
        dimension: "training",
        items: [
          item("training.staff", "全员应急培训", "Every employee trained", 2),
          item("training.keyPosts", "关键岗位专项培训并持证", "Key posts trained and certified", 2),
          item(
            "training.public",
            "面向顾客和公众的安全告知",
            "Safety information for customers and the public",
            1,
          ),
        ],
      },
      {
        dimension: "evaluation",
        items: [
          item(
            "evaluation.planReview",
            "预案定期评估修订",
            "Plans reviewed and revised on schedule",
            2,
          ),
          item(
            "evaluation.lessons",
            "演练和事件的经验教训落实整改",
            "Lessons of drills and incidents acted on",
            2,
          ),
          item(
            "evaluation.selfCheck",
            "每年开展应急能力自评估",
            "Capability self-assessed each year",
            1,
          ),
        ],
      },
    ],
  },
].map((checklist) => CapabilityChecklistSchema.parse(checklist));

/** One version, or undefined when no such version was published. */
export function checklistOf(id: string, version: number): CapabilityChecklist | undefined {
  return CAPABILITY_CHECKLISTS.find((c) => c.id === id && c.version === version);
}

/**
 * The version in force on a date (`YYYY-MM-DD`): the latest whose `effectiveFrom` has come,
 * among `versions` (oldest first: the published ones, or those an API answered).
 */
export function checklistInForce(
  on: string,
  versions: readonly CapabilityChecklist[] = CAPABILITY_CHECKLISTS,
): CapabilityChecklist | undefined {
  return versions.filter((c) => c.effectiveFrom <= on).at(-1);
}
