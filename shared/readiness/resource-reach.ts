import { DISTRICT_CODES } from "../catalogs/districts.ts";
import { isNoJurisdiction, type Jurisdiction } from "../tenancy/claims.ts";
import { covers } from "../tenancy/scope.ts";
import type { EmergencyResource } from "./resource.ts";

/** Whether a jurisdiction covers an area (district, street) whatever its industries. */
export function coversArea(j: Jurisdiction, district: string, street: string): boolean {
  if (isNoJurisdiction(j)) return false;
  if (j.districts.length === 0) return true;
  return j.districts.some(
    (d) => d.district === district && (d.street === undefined || d.street === street),
  );
}

/**
 * Whether an official sees a resource: an enterprise's as they see the enterprise (area and
 * industry, domain.md §5); the city's by area alone, since shelters and hospitals serve every
 * industry.
 */
export function officialSees(j: Jurisdiction, resource: EmergencyResource): boolean {
  const { district, street, industry } = resource.place;
  if (resource.owner === "city" || industry === null) return coversArea(j, district, street);
  return covers(j, { district, street, industry });
}

/** The district-index reads of a jurisdiction's listing: a district and a street prefix. */
export interface AreaQuery {
  district: string;
  street?: string;
}

/** Built from the grants, never a read of the city followed by a filter (unless citywide). */
export function areaQueries(j: Jurisdiction, district?: string): AreaQuery[] {
  if (isNoJurisdiction(j)) return [];
  const grants: AreaQuery[] =
    j.districts.length === 0
      ? DISTRICT_CODES.map((d) => ({ district: d }))
      : j.districts.map((d) => ({
          district: d.district,
          ...(d.street === undefined ? {} : { street: d.street }),
        }));
  return district === undefined ? grants : grants.filter((g) => g.district === district);
}
