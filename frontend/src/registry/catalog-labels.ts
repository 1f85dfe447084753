import { GB6441_1986 } from "../../../shared/catalogs/accident-types.ts";
import { DISTRICTS } from "../../../shared/catalogs/districts.ts";
import { HAZARD_FACTOR_CATEGORIES } from "../../../shared/catalogs/hazard-factors.ts";
import { INDUSTRIES } from "../../../shared/catalogs/industries.ts";
import type { LocalizedText } from "../i18n/languages.ts";

/** An option of a catalog: its id and name in both languages. */
export interface CatalogOption {
  id: string;
  name: LocalizedText;
}

export const INDUSTRY_OPTIONS: readonly CatalogOption[] = INDUSTRIES;

export const DISTRICT_OPTIONS: readonly CatalogOption[] = DISTRICTS.map((d) => ({
  id: d.code,
  name: d.name,
}));

export const ACCIDENT_TYPE_OPTIONS: readonly CatalogOption[] = GB6441_1986.entries;

export const HAZARD_FACTOR_OPTIONS: readonly CatalogOption[] = HAZARD_FACTOR_CATEGORIES;

function lookup(options: readonly CatalogOption[]) {
  const byId = new Map(options.map((o) => [o.id, o.name]));
  return (id: string): LocalizedText => byId.get(id) ?? { zh: id, en: id };
}

export const industryName = lookup(INDUSTRY_OPTIONS);
export const districtName = lookup(DISTRICT_OPTIONS);
export const accidentTypeName = lookup(ACCIDENT_TYPE_OPTIONS);
export const hazardFactorName = lookup(HAZARD_FACTOR_OPTIONS);
