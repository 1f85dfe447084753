import { getDistrict } from "../../shared/catalogs/districts.ts";
import { getIndustry } from "../../shared/catalogs/industries.ts";
import type { NameLookups } from "../../shared/tenancy/jurisdiction-label.ts";

/** District and industry names from the shared catalogs, for readable jurisdictions. */
export const catalogNames: NameLookups = {
  district: (code) => getDistrict(code)?.name,
  industry: (id) => getIndustry(id)?.name,
};
