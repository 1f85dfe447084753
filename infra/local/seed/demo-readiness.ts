import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import {
  type CapabilityAnswer,
  type CapabilityAssessment,
  scoreCapability,
} from "../../../shared/readiness/capability.ts";
import { CAPABILITY_CHECKLISTS } from "../../../shared/readiness/capability-checklists.ts";
import { type Drill, type EmergencyPlan, planIdOf } from "../../../shared/readiness/plan.ts";
import type { EmergencyResource, ResourceCategory } from "../../../shared/readiness/resource.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";

const GAS = "t-gas-station-chaoyang";
const MALL = "t-mall-haidian";
const CHAOYANG = "t-district-110105";
const CONTACT = { name: "值班室", phone: "13800138000" };

type Seed = [
  id: string,
  category: ResourceCategory,
  name: string,
  qty: number,
  unit: string,
  lon: number,
  lat: number,
];

/** The gas station's and the mall's own, and Chaoyang's shelters, hospital and transport. */
const RESOURCES: Record<
  string,
  { owner: "enterprise" | "city"; name: string; place: EmergencyResource["place"]; items: Seed[] }
> = {
  [GAS]: {
    owner: "enterprise",
    name: "北京朝阳示范加油站",
    place: { district: "110105", street: "建外街道", industry: "gas" },
    items: [
      ["DEMOER1", "teamPartTime", "站内兼职消防队", 6, "人", 116.4702, 39.9102],
      ["DEMOER2", "equipment", "推车式干粉灭火器", 4, "具", 116.4705, 39.9098],
      ["DEMOER3", "supplies", "吸油毡、沙袋", 50, "件", 116.4699, 39.9101],
    ],
  },
  [MALL]: {
    owner: "enterprise",
    name: "海淀示范商场",
    place: { district: "110108", street: "中关村街道", industry: "commerce" },
    items: [
      ["DEMOER1", "teamFullTime", "商场微型消防站", 8, "人", 116.3105, 39.9835],
      ["DEMOER2", "equipment", "正压式空气呼吸器", 10, "套", 116.3101, 39.9831],
    ],
  },
  [CHAOYANG]: {
    owner: "city",
    name: "朝阳区应急管理局",
    place: { district: "110105", street: "建外街道", industry: null },
    items: [
      ["DEMOER1", "shelter", "日坛公园应急避难场所", 5000, "人", 116.4436, 39.9146],
      ["DEMOER2", "medical", "朝阳医院急诊", 40, "床位", 116.4527, 39.9262],
      ["DEMOER3", "transport", "区应急运输车队", 12, "辆", 116.4861, 39.9212],
    ],
  },
};

/** Both demo enterprises assessed their capability in October: their team and drills lag. */
function demoCapability(
  tenantId: string,
  enterpriseName: string,
  at: string,
): CapabilityAssessment {
  const checklist = CAPABILITY_CHECKLISTS.at(-1);
  if (!checklist) throw new Error("no capability checklist");
  const answers: Record<string, CapabilityAnswer> = Object.fromEntries(
    checklist.dimensions.flatMap((d) => d.items.map((i) => [i.id, "met" as const])),
  );
  Object.assign(answers, {
    "support.team": "partial",
    "plans.drills": "partial",
    "training.public": "notMet",
    "recovery.insurance": "notApplicable",
  });
  return {
    id: `${tenantId}~2026-10-20~DEMOCAPABILITY1`,
    tenantId,
    enterpriseName,
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    assessedOn: "2026-10-20",
    assessor: "安全主管",
    notes: "",
    answers,
    ...scoreCapability(checklist, answers),
    createdAt: at,
  };
}

/**
 * Emergency readiness of the demo (issue 14), once: resources near the gas station and the mall,
 * Chaoyang's city resources for the map, a plan and a drill for each enterprise's first major
 * source (other major sources stay without, so the daily check has something to flag), and a
 * capability assessment of each enterprise.
 */
export async function seedDemoReadiness(store: Store, now: Date): Promise<number | undefined> {
  const { resourceItem } = await import("../../../functions/readiness/resource-item.ts");
  const marker = await store.entities.emergencyResource
    .get({ tenantId: GAS, id: `${GAS}~DEMOER1` })
    .go();
  if (marker.data) return undefined;
  const at = now.toISOString();
  let written = 0;
  for (const [tenantId, group] of Object.entries(RESOURCES)) {
    for (const [id, category, name, quantity, unit, lon, lat] of group.items) {
      const record: EmergencyResource = {
        id: `${tenantId}~${id}`,
        tenantId,
        owner: group.owner,
        ownerName: group.name,
        place: group.place,
        category,
        name,
        kind: "",
        quantity,
        unit,
        location: { lon, lat },
        address: "",
        contact: CONTACT,
        availability: "available",
        notes: "",
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await store.entities.emergencyResource.put(resourceItem(record)).go();
      written += 1;
    }
  }
  for (const tenantId of [GAS, MALL]) {
    const { data } = await store.entities.riskSource.query
      .byTenant({ tenantId })
      .go({ pages: "all" });
    const sources: RiskSource[] = data
      .map((d) => d.record)
      .sort((a, b) => a.id.localeCompare(b.id));
    const source = sources.find((s) => s.currentLevel === "major") ?? sources[0];
    if (!source) continue;
    const plan: EmergencyPlan = {
      id: planIdOf(source.id),
      tenantId,
      riskSourceId: source.id,
      riskSourceName: source.name,
      title: `${source.name}专项应急预案`,
      filingNumber: "",
      issuedOn: "2026-03-01",
      scenarios: ["火灾", "人员疏散"],
      keyMeasures: "发现险情立即报警（119/120），切断危险源，组织疏散至集合点，报告属地街道。",
      commander: CONTACT,
      sharedWith: { district: source.supervision.district, street: source.supervision.street },
      document: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await store.entities.emergencyPlan
      .put({ tenantId, riskSourceId: source.id, version: 1, record: plan })
      .go();
    const drill: Drill = {
      id: `${tenantId}~DEMODRILL1`,
      tenantId,
      riskSourceId: source.id,
      heldOn: "2026-09-15",
      scenario: "营业高峰时段火灾，疏散顾客并初期扑救",
      kind: "functional",
      participants: { count: 15, units: [source.supervision.street] },
      findings: "疏散广播启动偏慢",
      followUps: [
        { action: "每月测试疏散广播", owner: "安全主管", dueOn: "2026-12-31", done: false },
      ],
      createdAt: at,
    };
    await store.entities.drill
      .put({ tenantId, riskSourceId: source.id, heldOn: drill.heldOn, id: drill.id, record: drill })
      .go();
    const assessment = demoCapability(tenantId, RESOURCES[tenantId]?.name ?? tenantId, at);
    await store.entities.capabilityAssessment
      .put({
        tenantId,
        assessedOn: assessment.assessedOn,
        id: assessment.id,
        record: assessment,
      })
      .go();
  }
  return written;
}
