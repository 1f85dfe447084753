import { getDistrict } from "../../../../shared/catalogs/districts.ts";
import { getIndustry } from "../../../../shared/catalogs/industries.ts";
import type { SupervisedPlace } from "../../../../shared/risk/supervision-change.ts";
import type { LocalizedText } from "../../i18n/languages.ts";

/** `海淀区 中关村街道 · 商务` in the reader's language. */
export function placeText(place: SupervisedPlace, pick: (text: LocalizedText) => string): string {
  const district = getDistrict(place.district);
  const industry = getIndustry(place.industry);
  return `${district ? pick(district.name) : place.district} ${place.street} · ${
    industry ? pick(industry.name) : place.industry
  }`;
}
