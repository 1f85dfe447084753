import { ForbiddenError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import {
  type EscalationTiming,
  EscalationTimingSchema,
  type WarningTerms,
} from "../../shared/warnings/rules.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { inForceRuleSet } from "./rule-sets.ts";

/** `city`, or a district code: whose deadlines apply. */
export type SettingsScope = "city" | string;

export interface StoredTiming {
  scope: SettingsScope;
  timing: EscalationTiming;
  version: number;
  /** Where the timing comes from: this scope, the city, or the rule set's defaults. */
  source: "district" | "city" | "default";
}

async function read(store: Store, scope: SettingsScope) {
  const { data } = await store.entities.warningSettings.get({ scope }).go();
  return data;
}

/** The deadlines of the rule set in force, where no jurisdiction set its own. */
async function byDefault(store: Store, scope: SettingsScope): Promise<StoredTiming> {
  const { escalation } = await inForceRuleSet(store);
  return { scope, timing: escalation, version: 0, source: "default" };
}

/**
 * The escalation deadlines for a district: its own when its administrators set them, else the
 * city's, else those of the rule set in force (shipped: red 15 min, orange 30, yellow 4 h, blue
 * 24 h).
 */
export async function timingFor(store: Store, district: string): Promise<StoredTiming> {
  const [own, city] = await Promise.all([read(store, district), read(store, "city")]);
  if (own) return { scope: district, timing: own.timing, version: own.version, source: "district" };
  if (city) return { scope: district, timing: city.timing, version: 0, source: "city" };
  return byDefault(store, district);
}

export async function cityTiming(store: Store): Promise<StoredTiming> {
  const city = await read(store, "city");
  return city
    ? { scope: "city", timing: city.timing, version: city.version, source: "city" }
    : byDefault(store, "city");
}

/** What a district's warnings are raised under now: the rule set in force and the deadlines. */
export async function termsFor(store: Store, district: string): Promise<WarningTerms> {
  const [rules, { timing }] = await Promise.all([
    inForceRuleSet(store),
    timingFor(store, district),
  ]);
  return { rules, timing };
}

/**
 * Which scopes a caller administers: the city admin the city and every district, a district
 * official their own district (a whole-district grant, not a street).
 */
export function mayConfigure(caller: Caller, scope: SettingsScope): boolean {
  if (caller.role === "cityAdmin") return true;
  if (caller.role !== "districtOfficial" || scope === "city") return false;
  const j = caller.jurisdiction;
  return j.industries.length === 0 && j.districts.some((d) => d.district === scope && !d.street);
}

function notYours(): ForbiddenError {
  return new ForbiddenError({
    zh: "无权设置该辖区的预警升级时限",
    en: "You may not set escalation deadlines for this jurisdiction",
  });
}

/** Sets a scope's deadlines (If-Match: the version read; 0 when none was set yet), audited. */
export async function setTiming(
  store: Store,
  caller: Caller,
  scope: SettingsScope,
  input: EscalationTiming,
  expected: number,
  now = new Date(),
): Promise<StoredTiming> {
  if (!mayConfigure(caller, scope)) throw notYours();
  const timing = EscalationTimingSchema.parse(input);
  const current = await read(store, scope);
  if ((current?.version ?? 0) !== expected) throw staleVersion();
  const version = expected + 1;
  const item = {
    scope,
    version,
    timing,
    updatedAt: now.toISOString(),
    updatedBy: caller.userId,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: "warningSettings.set",
      target: { type: "warningSettings", id: scope },
      before: current?.timing,
      after: timing,
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        expected === 0
          ? tx.warningSettings.create(item).commit()
          : tx.warningSettings
              .put(item)
              .where(({ version: v }, { eq }) => eq(v, expected))
              .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
  return { scope, timing, version, source: scope === "city" ? "city" : "district" };
}
