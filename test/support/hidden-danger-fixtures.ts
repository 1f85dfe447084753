import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import type { HiddenDanger, RectificationPlan } from "../../shared/hidden-dangers/hidden-danger.ts";
import { dangerPlaceOf } from "../../shared/hidden-dangers/hidden-danger.ts";
import {
  type DangerActor,
  planRectification,
  reportDanger,
  takeStep,
} from "../../shared/hidden-dangers/lifecycle.ts";
import {
  type PublicReport,
  receivePublicReport,
} from "../../shared/hidden-dangers/public-report.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";

/** A 五到位 plan due a month after `now`. */
export function planFor(now: Date): RectificationPlan {
  return {
    measures: "更换卸油口密封垫，加装静电接地报警器",
    funds: 12000,
    deadline: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    responsiblePerson: { name: "王站长", phone: "13800138000" },
    emergencyPlan: "卸油作业暂停；现场配置灭火器与吸附棉",
  };
}

/** Where a danger stands: the statuses a fixture can be written at. */
export type FixtureStatus = "reported" | "planned" | "rectified" | "evaluated" | "accepted";

let counter = 0;

/**
 * A general hidden danger of a source at `status`, built by the lifecycle itself and written
 * straight to the table (versions 1 to 5 in step order). The item builder is imported only once
 * the stack runs (its module reads the configuration the stack sets).
 */
export async function putHiddenDanger(
  store: Store,
  source: RiskSource,
  status: FixtureStatus = "reported",
  overrides: Partial<HiddenDanger> = {},
): Promise<HiddenDanger> {
  const { hiddenDangerItem } = await import("../../functions/hidden-dangers/hidden-danger-item.ts");
  const now = new Date();
  const staff: DangerActor = { userId: "u-fixture", kind: "enterprise" };
  const id = `${source.tenantId}~HD${now.getTime().toString(36)}${(counter++).toString(36).padStart(4, "0")}`;
  let d = reportDanger(
    { riskSourceId: source.id, level: "general", title: "消防通道堆放杂物", description: "" },
    {
      id,
      tenantId: source.tenantId,
      riskSourceName: source.name,
      place: dangerPlaceOf(source),
    },
    staff,
    now,
  );
  const path: FixtureStatus[] = ["planned", "rectified", "evaluated", "accepted"];
  for (const next of path.slice(0, path.indexOf(status as never) + 1)) {
    if (next === "planned") d = planRectification(d, planFor(now), staff, now);
    if (next === "rectified") d = takeStep(d, "rectify", staff, now);
    if (next === "evaluated") d = takeStep(d, "evaluate", staff, now, "复查合格");
    if (next === "accepted") d = takeStep(d, "accept", staff, now);
  }
  d = { ...d, ...overrides };
  await store.entities.hiddenDanger.put(hiddenDangerItem(d)).go();
  return d;
}

export async function storedDanger(
  store: Store,
  d: HiddenDanger,
): Promise<HiddenDanger | undefined> {
  const { data } = await store.entities.hiddenDanger.get({ tenantId: d.tenantId, id: d.id }).go();
  return data?.record;
}

/** A pending public report on a source, as the QR page would have sent it. */
export async function putPublicReport(store: Store, source: RiskSource): Promise<PublicReport> {
  const { publicReportItem } = await import("../../functions/hidden-dangers/public-report-item.ts");
  const now = new Date();
  const report = receivePublicReport(
    { title: "消防通道被占用", description: "后门消防通道堆满纸箱", contact: "13900139000" },
    {
      id: `${source.tenantId}~PR${now.getTime().toString(36)}${(counter++).toString(36).padStart(4, "0")}`,
      tenantId: source.tenantId,
      riskSourceId: source.id,
      riskSourceName: source.name,
      place: dangerPlaceOf(source),
    },
    now,
  );
  await store.entities.publicReport.put(publicReportItem(report)).go();
  return report;
}

export async function storedPublicReport(store: Store, r: PublicReport) {
  const { data } = await store.entities.publicReport.get({ tenantId: r.tenantId, id: r.id }).go();
  return data?.record;
}
