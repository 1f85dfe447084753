import type { EventEnvelope } from "../../events/envelope.ts";
import type { Jurisdiction } from "../tenancy/claims.ts";
import { jurisdictionWithin } from "../tenancy/membership.ts";
import { covers, type Scope } from "../tenancy/scope.ts";

/** Whose events an endpoint may receive, fixed from its owner's scope when it is created. */
export type EndpointReach =
  | { kind: "tenant"; tenantId: string }
  | { kind: "jurisdiction"; jurisdiction: Jurisdiction };

/** An enterprise's endpoint reaches its own tenant; a government platform's, its jurisdiction. */
export function reachOf(scope: Scope): EndpointReach | undefined {
  if (scope.kind === "tenant") return { kind: "tenant", tenantId: scope.tenantId };
  if (scope.kind === "jurisdiction")
    return { kind: "jurisdiction", jurisdiction: scope.jurisdiction };
  return undefined; // assessment agencies have no webhook reach
}

/** Optional narrowing an endpoint's owner chose on top of its reach. */
export interface EndpointFilters {
  levels?: readonly string[];
  districts?: readonly string[];
  industries?: readonly string[];
}

/**
 * Whether an event goes to an endpoint: a type it subscribed to, a subject inside its reach, and
 * its filters. A subject without a place never reaches a jurisdiction (no place, no coverage).
 */
export function endpointReceives(
  endpoint: { eventTypes: readonly string[]; reach: EndpointReach; filters?: EndpointFilters },
  event: EventEnvelope,
): boolean {
  if (!endpoint.eventTypes.includes(event.type)) return false;
  const { subject } = event;
  const { reach, filters } = endpoint;
  if (reach.kind === "tenant" && reach.tenantId !== subject.tenantId) return false;
  if (reach.kind === "jurisdiction") {
    if (!subject.district || !subject.industry) return false;
    const place = {
      district: subject.district,
      street: subject.street ?? "",
      industry: subject.industry,
    };
    if (!covers(reach.jurisdiction, place)) return false;
  }
  const within = (allowed: readonly string[] | undefined, value: string | undefined) =>
    !allowed?.length || (value !== undefined && allowed.includes(value));
  return (
    within(filters?.levels, subject.level) &&
    within(filters?.districts, subject.district) &&
    within(filters?.industries, subject.industry)
  );
}

/**
 * Whether a caller keeps an endpoint: it is its own tenant's and, for a government caller, its
 * reach lies within the caller's jurisdiction (a district platform's integrator does not see or
 * change the city admin's citywide endpoint of the same body).
 */
export function keepsEndpoint(
  scope: Scope,
  endpoint: { tenantId: string; reach: EndpointReach },
): boolean {
  if (endpoint.tenantId !== scope.tenantId) return false;
  if (scope.kind === "tenant") return true;
  if (scope.kind !== "jurisdiction" || endpoint.reach.kind !== "jurisdiction") return false;
  return jurisdictionWithin(endpoint.reach.jurisdiction, scope.jurisdiction);
}
