import type { SurveyReport } from "../../shared/readiness/resource.ts";
import {
  CATEGORY_LABELS,
  type EmergencyResource,
  surveyRows,
} from "../../shared/readiness/resource.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { writeRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { reachEnterprise } from "./enterprise-reach.ts";
import { viewOf } from "./resources.ts";

/** An enterprise's resources, for its own people or the officials whose jurisdiction covers it. */
async function surveyed(caller: Caller, scope: Scope, tenantId: string) {
  const { enterprise, store, audited } = await reachEnterprise(caller, scope, tenantId);
  await audited({ type: "resourceSurvey", id: tenantId });
  const { data } = await store.entities.emergencyResource.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  const resources = data.map((d) => d.record).filter((r) => r.owner === "enterprise");
  return { enterprise, resources };
}

/** The survey report (应急资源调查, DB11/T 1580-2018): counts and quantities by category. */
export async function surveyReport(
  caller: Caller,
  scope: Scope,
  tenantId: string,
  now = new Date(),
): Promise<SurveyReport> {
  const { enterprise, resources } = await surveyed(caller, scope, tenantId);
  return {
    tenantId,
    enterpriseName: enterprise.name,
    generatedAt: now.toISOString(),
    rows: surveyRows(resources),
  };
}

const COLUMNS = [
  { key: "category", label: "类别 Category" },
  { key: "name", label: "名称 Name" },
  { key: "kind", label: "型号/专业 Kind" },
  { key: "quantity", label: "数量 Quantity" },
  { key: "unit", label: "单位 Unit" },
  { key: "availability", label: "状态 Availability" },
  { key: "address", label: "地址 Address" },
  { key: "lon", label: "经度 Lon (WGS-84)" },
  { key: "lat", label: "纬度 Lat (WGS-84)" },
  { key: "contact", label: "联系人 Contact" },
  { key: "phone", label: "电话 Phone" },
];

/** The survey as CSV through the spreadsheet adapter: one row per resource, phones as the caller may see them. */
export async function surveyCsv(
  caller: Caller,
  scope: Scope,
  tenantId: string,
): Promise<Uint8Array> {
  const { resources } = await surveyed(caller, scope, tenantId);
  const rows = resources
    .map((r): EmergencyResource => viewOf(caller, r))
    .map((r) => ({
      category: CATEGORY_LABELS[r.category].zh,
      name: r.name,
      kind: r.kind,
      quantity: r.quantity,
      unit: r.unit,
      availability: r.availability,
      address: r.address,
      lon: r.location.lon,
      lat: r.location.lat,
      contact: r.contact.name,
      phone: r.contact.phone,
    }));
  return writeRows("csv", "应急资源调查", COLUMNS, rows);
}
