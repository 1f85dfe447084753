import { parseJurisdiction } from "../../shared/tenancy/claims.ts";
import { covers, type Place } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import { type Store, tableOf } from "../adapters/dynamodb/store.ts";

/** Government tenants change rarely: a warm container re-reads them once a minute. */
const GOVERNMENT_TTL_MS = 60_000;
const governments = new Map<string, { at: number; tenants: Promise<Tenant[]> }>();

/** Kept per table: a list read from one table never answers for another. */
function activeGovernments(store: Store, now: number): Promise<Tenant[]> {
  const table = tableOf(store);
  const known = governments.get(table);
  if (known && now - known.at <= GOVERNMENT_TTL_MS) return known.tenants;
  const tenants = store.entities.tenant.query
    .byKind({ kind: "government" })
    .go({ pages: "all" })
    .then(({ data }) => data.map((i) => i.record).filter((t) => t.status === "active"));
  tenants.catch(() => governments.delete(table));
  governments.set(table, { at: now, tenants });
  return tenants;
}

/**
 * The active government tenants whose jurisdiction covers a place — a handful (its district,
 * its industry department, the city) out of the city's government tenants, which are read once
 * a minute per container. Who is told of a source's warning, and whose platforms' webhooks may
 * receive its events, both start here.
 */
export async function governmentsCovering(
  store: Store,
  place: Place,
  now = Date.now(),
): Promise<Tenant[]> {
  return (await activeGovernments(store, now)).filter((t) =>
    covers(parseJurisdiction(t.jurisdiction ?? ""), place),
  );
}
