import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import type {
  HiddenDanger,
  HiddenDangerLevel,
  HiddenDangerStatus,
} from "../../../shared/hidden-dangers/hidden-danger.ts";
import { dangerPlaceOf } from "../../../shared/hidden-dangers/hidden-danger.ts";
import {
  type DangerActor,
  planRectification,
  reportDanger,
  takeStep,
} from "../../../shared/hidden-dangers/lifecycle.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";

const DAY = 86_400_000;
const STAFF: DangerActor = { userId: "demo-seed", kind: "enterprise" };
const OFFICIAL: DangerActor = { userId: "demo-seed-official", kind: "official" };

interface DemoDanger {
  tenantId: string;
  key: string;
  /** Which of the tenant's sources (sorted by id) it is found on. */
  source: number;
  level: HiddenDangerLevel;
  title: string;
  description: string;
  /** Where the lifecycle stands, reached step by step from `daysAgo`. */
  until: HiddenDangerStatus;
  daysAgo: number;
}

/** A few hidden dangers of the demo gas station (Chaoyang) and mall (Haidian), domain.md §7. */
const DEMO: readonly DemoDanger[] = [
  {
    tenantId: "t-gas-station-chaoyang",
    key: "1",
    source: 1,
    level: "general",
    title: "加油机防撞柱油漆脱落、警示标识不清",
    description: "日常巡检发现 3 号加油岛防撞柱警示色脱落。",
    until: "planned",
    daysAgo: 6,
  },
  {
    tenantId: "t-gas-station-chaoyang",
    key: "2",
    source: 2,
    level: "general",
    title: "配电室灭火器压力不足",
    description: "月度检查发现 2 具干粉灭火器压力表指针在红区。",
    until: "closed",
    daysAgo: 40,
  },
  {
    tenantId: "t-mall-haidian",
    key: "1",
    source: 0,
    level: "major",
    title: "中庭防火卷帘无法联动降落",
    description: "消防联动测试中中庭 2 处防火卷帘未降落，需停用相关区域并维修。",
    until: "planned",
    daysAgo: 3,
  },
  {
    tenantId: "t-mall-haidian",
    key: "2",
    source: 1,
    level: "general",
    title: "安全出口指示灯损坏",
    description: "B1 层 2 处安全出口指示灯不亮。",
    until: "evaluated",
    daysAgo: 12,
  },
];

const ORDER: readonly HiddenDangerStatus[] = [
  "planned",
  "rectified",
  "evaluated",
  "accepted",
  "closed",
];

/** The danger walked through its lifecycle from `daysAgo`, one day a step. */
function walk(spec: DemoDanger, source: RiskSource, now: Date): HiddenDanger {
  const at = (day: number) => new Date(now.getTime() - (spec.daysAgo - day) * DAY);
  let d = reportDanger(
    {
      riskSourceId: source.id,
      level: spec.level,
      title: spec.title,
      description: spec.description,
    },
    {
      id: `${spec.tenantId}~DEMOHD${spec.key}`,
      tenantId: spec.tenantId,
      riskSourceName: source.name,
      place: dangerPlaceOf(source),
    },
    STAFF,
    at(0),
  );
  const acceptor = spec.level === "major" ? OFFICIAL : STAFF;
  for (const status of ORDER.slice(0, ORDER.indexOf(spec.until) + 1)) {
    if (status === "planned") {
      d = planRectification(
        d,
        {
          measures: "立即设置警示并限制使用；委托维保单位维修，完成后复测",
          funds: spec.level === "major" ? 80_000 : 2_000,
          deadline: new Date(at(1).getTime() + 15 * DAY).toISOString(),
          responsiblePerson: { name: "安全主管", phone: "13800138000" },
          emergencyPlan: "按现场处置方案执行，事故时启动企业综合应急预案",
        },
        STAFF,
        at(1),
      );
    }
    if (status === "rectified") d = takeStep(d, "rectify", STAFF, at(5));
    if (status === "evaluated") d = takeStep(d, "evaluate", STAFF, at(6), "复查合格，申请验收");
    if (status === "accepted") d = takeStep(d, "accept", acceptor, at(8));
    if (status === "closed") d = takeStep(d, "close", acceptor, at(8));
  }
  return d;
}

/**
 * Writes the demo dangers once (fixed ids; an existing one is left alone). The mall's open major
 * danger goes through the same unit of work as a report, so its source is `major` by the
 * `open-major-hidden-danger` rule and listed for supervision.
 */
export async function seedDemoHiddenDangers(store: Store, now: Date): Promise<number> {
  // Imported here: these modules build SDK clients from the configuration the stack sets.
  const { createDanger } = await import("../../../functions/hidden-dangers/hidden-danger-item.ts");
  const { ruleSteps } = await import("../../../functions/hidden-dangers/danger-events.ts");
  const { attemptTogether } = await import("../../../functions/platform/data/unit-of-work.ts");
  let written = 0;
  for (const spec of DEMO) {
    const { data: rows } = await store.entities.riskSource.query
      .byTenant({ tenantId: spec.tenantId })
      .go({ pages: "all" });
    const sources = rows.map((r) => r.record).sort((a, b) => a.id.localeCompare(b.id));
    const source = sources[spec.source] ?? sources[0];
    if (!source) continue;
    const danger = walk(spec, source, now);
    const open = danger.level === "major" && danger.status !== "closed";
    const rule = open ? ruleSteps(source, danger, "open", now).steps : [];
    if ((await attemptTogether(store, [createDanger(danger), ...rule])).committed) written += 1;
  }
  return written;
}
