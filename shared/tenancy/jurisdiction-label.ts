import type { Bilingual } from "../errors.ts";
import { isNoJurisdiction, type Jurisdiction } from "./claims.ts";

export interface NameLookups {
  district: (code: string) => Bilingual | undefined;
  industry: (id: string) => Bilingual | undefined;
}

/**
 * A readable jurisdiction, e.g. "朝阳区 · 燃气" / "Chaoyang · Gas"; unknown codes shown as is.
 * "全市" only for `*` or an industry grant without districts, never for no jurisdiction.
 */
export function jurisdictionLabel(j: Jurisdiction, names: NameLookups): Bilingual {
  if (isNoJurisdiction(j)) return { zh: "无", en: "None" };
  const districts = j.districts.map((d) => {
    const name = names.district(d.district) ?? { zh: d.district, en: d.district };
    return d.street ? { zh: `${name.zh}/${d.street}`, en: `${name.en}/${d.street}` } : name;
  });
  const industries = j.industries.map((i) => names.industry(i) ?? { zh: i, en: i });
  const place = districts.length > 0 ? districts : [{ zh: "全市", en: "Citywide" }];
  const parts = [...place, ...industries];
  return { zh: parts.map((p) => p.zh).join(" · "), en: parts.map((p) => p.en).join(" · ") };
}
