import { type DistrictCode, getDistrict } from "../../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../../shared/catalogs/industries.ts";

/** The district department supervising each industry (行业管理部门, domain.md §5). */
const DEPARTMENTS: Readonly<Record<IndustryId, string>> = {
  "hazardous-chemicals": "应急管理局",
  gas: "城市管理委员会",
  "water-supply": "水务局",
  "power-supply": "城市管理委员会",
  heating: "城市管理委员会",
  "public-transport": "交通委员会",
  "road-transport": "交通委员会",
  construction: "住房和城乡建设委员会",
  municipal: "城市管理委员会",
  commerce: "商务局",
  tourism: "文化和旅游局",
  culture: "文化和旅游局",
  sports: "体育局",
  parks: "园林绿化局",
  industrial: "经济和信息化局",
  education: "教育委员会",
  health: "卫生健康委员会",
  "underground-space": "住房和城乡建设委员会",
  "confined-space": "应急管理局",
};

/** E.g. 朝阳区商务局. */
export function industryDepartment(district: DistrictCode, industry: IndustryId): string {
  return `${getDistrict(district)?.name.zh ?? ""}${DEPARTMENTS[industry]}`;
}
