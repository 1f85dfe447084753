import { CITY_PARKS_LIST } from "./city-parks.ts";
import { CONFINED_SPACE_LIST } from "./confined-space.ts";
import { CONSTRUCTION_SITES_LIST } from "./construction-sites.ts";
import { CROWDED_RETAIL_LIST } from "./crowded-retail.ts";
import { GAS_STATIONS_LIST } from "./gas-stations.ts";
import { HAZARDOUS_CHEMICALS_LIST } from "./hazardous-chemicals.ts";
import type { IdentificationItem, IdentificationList } from "./list-schema.ts";

/** The shipped 风险源辨识建议清单 (domain.md §9). */
export const IDENTIFICATION_LISTS: readonly IdentificationList[] = [
  HAZARDOUS_CHEMICALS_LIST,
  GAS_STATIONS_LIST,
  CROWDED_RETAIL_LIST,
  CITY_PARKS_LIST,
  CONSTRUCTION_SITES_LIST,
  CONFINED_SPACE_LIST,
];

/** The lists that apply to an industry. */
export function identificationListsFor(industry: string): IdentificationList[] {
  return IDENTIFICATION_LISTS.filter((l) => (l.industries as readonly string[]).includes(industry));
}

/** An item by its id, searched across every list (item ids are unique), or `undefined`. */
export function getIdentificationItem(
  itemId: string,
): { list: IdentificationList; item: IdentificationItem } | undefined {
  for (const list of IDENTIFICATION_LISTS) {
    const item = list.items.find((i) => i.id === itemId);
    if (item) return { list, item };
  }
  return undefined;
}
