import { getDistrict } from "../../../shared/catalogs/districts.ts";
import { getIndustry } from "../../../shared/catalogs/industries.ts";
import { parseJurisdiction } from "../../../shared/tenancy/claims.ts";
import { jurisdictionLabel, type NameLookups } from "../../../shared/tenancy/jurisdiction-label.ts";
import type { LocalizedText } from "../i18n/languages.ts";

/** District and industry names from the shared catalogs, as the API's `/me` uses them. */
const catalogNames: NameLookups = {
  district: (code) => getDistrict(code)?.name,
  industry: (id) => getIndustry(id)?.name,
};

/**
 * A jurisdiction in token form (`d:110105;i:gas`, `*`) made readable ("朝阳区 · 燃气"); a token
 * that does not parse is shown as it is. Undefined for the empty token of an enterprise's own.
 */
export function jurisdictionText(token: string): LocalizedText | undefined {
  if (token.trim() === "") return undefined;
  try {
    return jurisdictionLabel(parseJurisdiction(token), catalogNames);
  } catch {
    return { zh: token, en: token };
  }
}
