import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import type { EmergencyPlan } from "../../shared/readiness/plan.ts";
import type { EmergencyResource } from "../../shared/readiness/resource.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Owner } from "./matrix-owners.ts";

/** Emergency-readiness fixtures of the matrix, written straight to the table. */
let counter = 0;
const nextId = (tenantId: string, kind: string) =>
  `${tenantId}~${kind}${Date.now().toString(36)}${(counter++).toString(36).padStart(4, "0")}`;

/** A fire-extinguisher stock of the owner, at its place (gas in Chaoyang, the mall in Haidian). */
export async function matrixResource(store: Store, owner: Owner): Promise<EmergencyResource> {
  const { resourceItem } = await import("../../functions/readiness/resource-item.ts");
  const at = new Date().toISOString();
  const resource: EmergencyResource = {
    id: nextId(owner.tenantId, "ER"),
    tenantId: owner.tenantId,
    owner: "enterprise",
    ownerName: `测试企业 ${owner.tenantId}`,
    place: { ...owner.place },
    category: "equipment",
    name: "干粉灭火器",
    kind: "MFZ/ABC8",
    quantity: 20,
    unit: "具",
    location: owner.key === "gas" ? { lon: 116.46, lat: 39.91 } : { lon: 116.31, lat: 39.98 },
    address: "",
    contact: { name: "王安全", phone: "13800138000" },
    availability: "available",
    notes: "",
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await store.entities.emergencyResource.create(resourceItem(resource)).go();
  return resource;
}

export async function storedResource(store: Store, r: EmergencyResource) {
  const { data } = await store.entities.emergencyResource
    .get({ tenantId: r.tenantId, id: r.id })
    .go();
  return data?.record;
}

/** A one-to-one plan of a source, with a document when asked. */
export async function matrixPlan(
  store: Store,
  source: RiskSource,
  withDocument = false,
): Promise<EmergencyPlan> {
  const { planIdOf } = await import("../../shared/readiness/plan.ts");
  const at = new Date().toISOString();
  const plan: EmergencyPlan = {
    id: planIdOf(source.id),
    tenantId: source.tenantId,
    riskSourceId: source.id,
    riskSourceName: source.name,
    title: "加油站火灾爆炸事故专项应急预案",
    filingNumber: "",
    issuedOn: "2026-06-01",
    scenarios: ["油罐火灾"],
    keyMeasures: "切断油源，疏散人员，报警 119",
    commander: { name: "王站长", phone: "13800138000" },
    sharedWith: { district: source.supervision.district, street: source.supervision.street },
    document: withDocument
      ? {
          key: `plans/${source.tenantId}/matrix.pdf`,
          fileName: "预案.pdf",
          contentType: "application/pdf",
          size: 1024,
          uploadedAt: at,
        }
      : null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await store.entities.emergencyPlan
    .put({ tenantId: plan.tenantId, riskSourceId: plan.riskSourceId, version: 1, record: plan })
    .go();
  return plan;
}

export async function storedPlan(store: Store, plan: EmergencyPlan) {
  const { data } = await store.entities.emergencyPlan
    .get({ tenantId: plan.tenantId, riskSourceId: plan.riskSourceId })
    .go();
  return data?.record;
}

export async function drillCount(store: Store, source: RiskSource): Promise<number> {
  const { data } = await store.entities.drill.query
    .byTenant({ tenantId: source.tenantId, riskSourceId: source.id })
    .go({ pages: "all" });
  return data.length;
}
