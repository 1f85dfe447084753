import { DISTRICT_CODES } from "../catalogs/districts.ts";
import { type Caller, isNoJurisdiction, type Jurisdiction } from "./claims.ts";
import type { Role } from "./roles.ts";

/**
 * What a caller may reach, decided once from verified claims and used by every route:
 * enterprise callers reach their own tenant's partition; officials reach what their
 * jurisdiction covers; assessors reach the sources delegated to their agency (resolved on the
 * server from delegation records, never from the token).
 */
export type Scope =
  | { kind: "tenant"; tenantId: string }
  | { kind: "jurisdiction"; tenantId: string; jurisdiction: Jurisdiction }
  | { kind: "agency"; tenantId: string };

const OFFICIAL_ROLES: ReadonlySet<Role> = new Set([
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
]);

export function isOfficialRole(role: Role): boolean {
  return OFFICIAL_ROLES.has(role);
}

/**
 * The scope of a caller. An integrator acts for a government platform when its client carries a
 * jurisdiction claim, otherwise for its own tenant (an enterprise system).
 */
export function scopeOf(caller: Caller, jurisdictionClaim: string): Scope {
  if (isOfficialRole(caller.role) || (caller.role === "integrator" && jurisdictionClaim !== "")) {
    return { kind: "jurisdiction", tenantId: caller.tenantId, jurisdiction: caller.jurisdiction };
  }
  if (caller.role === "assessor") return { kind: "agency", tenantId: caller.tenantId };
  return { kind: "tenant", tenantId: caller.tenantId };
}

/** Where an enterprise or a risk source sits in the three responsibilities (domain.md §5). */
export interface Place {
  district: string;
  street: string;
  industry: string;
}

/**
 * Whether a jurisdiction covers a place: a grant at a node covers everything below it, and
 * industry grants cut across districts (issue 3, jurisdiction model). No jurisdiction covers
 * nothing: empty lists mean "every" only beside a grant of the other kind, or under `*`.
 */
export function covers(jurisdiction: Jurisdiction, place: Place): boolean {
  if (isNoJurisdiction(jurisdiction)) return false;
  const { districts, industries } = jurisdiction;
  const inDistrict =
    districts.length === 0 ||
    districts.some(
      (d) => d.district === place.district && (d.street === undefined || d.street === place.street),
    );
  const inIndustry = industries.length === 0 || industries.includes(place.industry);
  return inDistrict && inIndustry;
}

/** Filters a user may add to a jurisdiction list; they only ever narrow the scope. */
export interface PlaceFilter {
  district?: string;
  street?: string;
  industry?: string;
}

/**
 * One index query of a jurisdiction listing: the `district` index is keyed by district with
 * sort keys `street#industry#…`; the `industry` index by industry with `district#street#…`.
 * `prefix` holds the leading sort-key parts to match.
 */
export type JurisdictionQuery =
  | { index: "district"; district: string; prefix: readonly string[] }
  | { index: "industry"; industry: string; prefix: readonly string[] };

/**
 * A query's identity, e.g. `district:110105:建外街道`: listings name their merged partitions by
 * it, so a cursor resumes each partition where it stopped.
 */
export const jurisdictionQueryKey = (plan: JurisdictionQuery): string =>
  `${plan.index}:${plan.index === "district" ? plan.district : plan.industry}:${plan.prefix.join("/")}`;

/** A jurisdiction query's key facets as the place indexes name them (sort-key prefix included). */
export type PlaceKeys =
  | { index: "district"; keys: { district: string; street?: string } }
  | { index: "industry"; keys: { industry: string; district?: string; street?: string } };

export function placeKeys(plan: JurisdictionQuery): PlaceKeys {
  const [first, second] = plan.prefix;
  if (plan.index === "district") {
    return {
      index: "district",
      keys: { district: plan.district, ...(first === undefined ? {} : { street: first }) },
    };
  }
  return {
    index: "industry",
    keys: {
      industry: plan.industry,
      ...(first === undefined ? {} : { district: first }),
      ...(second === undefined ? {} : { street: second }),
    },
  };
}

type DistrictGrant = { district: string; street?: string };

function narrowDistricts(j: Jurisdiction, f: PlaceFilter): DistrictGrant[] | "all" {
  let grants: DistrictGrant[] | "all" = j.districts.length === 0 ? "all" : [...j.districts];
  if (f.district !== undefined) {
    grants =
      grants === "all"
        ? [{ district: f.district }]
        : grants.filter((g) => g.district === f.district);
  }
  if (f.street === undefined || grants === "all") return grants;
  const street = f.street;
  return grants
    .filter((g) => g.street === undefined || g.street === street)
    .map((g) => ({ district: g.district, street }));
}

function narrowIndustries(j: Jurisdiction, f: PlaceFilter): string[] | "all" {
  const granted = j.industries.length === 0 ? "all" : j.industries;
  if (f.industry === undefined) return granted === "all" ? "all" : [...granted];
  return granted === "all" || granted.includes(f.industry) ? [f.industry] : [];
}

/**
 * The index queries that list exactly what a jurisdiction (narrowed by filters) covers: the
 * queries are built from the scope, never a read of everything followed by a filter.
 * An empty array means the filters fall outside the jurisdiction, or there is none.
 */
export function planJurisdictionQueries(
  jurisdiction: Jurisdiction,
  filter: PlaceFilter = {},
): JurisdictionQuery[] {
  if (isNoJurisdiction(jurisdiction)) return [];
  const districts = narrowDistricts(jurisdiction, filter);
  const industries = narrowIndustries(jurisdiction, filter);
  if (industries !== "all") {
    return industries.flatMap((industry) =>
      districts === "all"
        ? [{ index: "industry" as const, industry, prefix: [] }]
        : districts.map((d) => ({
            index: "industry" as const,
            industry,
            prefix: d.street === undefined ? [d.district] : [d.district, d.street],
          })),
    );
  }
  const grants: DistrictGrant[] =
    districts === "all" ? DISTRICT_CODES.map((district) => ({ district })) : districts;
  return grants.map((d) => ({
    index: "district" as const,
    district: d.district,
    prefix: d.street === undefined ? [] : [d.street],
  }));
}
