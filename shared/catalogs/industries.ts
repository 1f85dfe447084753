import * as z from "zod";
import { BilingualSchema } from "../methodology/profiles/profile-schema.ts";

export const INDUSTRY_IDS = [
  "hazardous-chemicals",
  "gas",
  "water-supply",
  "power-supply",
  "heating",
  "public-transport",
  "road-transport",
  "construction",
  "municipal",
  "commerce",
  "tourism",
  "culture",
  "sports",
  "parks",
  "industrial",
  "education",
  "health",
  "underground-space",
  "confined-space",
] as const;

export const IndustryIdSchema = z.enum(INDUSTRY_IDS);
export type IndustryId = z.infer<typeof IndustryIdSchema>;

export const IndustrySchema = z.object({ id: IndustryIdSchema, name: BilingualSchema });
export type Industry = z.infer<typeof IndustrySchema>;

/** Industries named in the pilot and the city's work (domain.md §9). */
export const INDUSTRIES: readonly Industry[] = [
  { id: "hazardous-chemicals", name: { zh: "危险化学品", en: "Hazardous chemicals" } },
  { id: "gas", name: { zh: "燃气", en: "Gas" } },
  { id: "water-supply", name: { zh: "供水", en: "Water supply" } },
  { id: "power-supply", name: { zh: "供电", en: "Power supply" } },
  { id: "heating", name: { zh: "供热", en: "Heating" } },
  { id: "public-transport", name: { zh: "公共交通/轨道交通", en: "Public transport and rail" } },
  { id: "road-transport", name: { zh: "道路运输", en: "Road transport" } },
  { id: "construction", name: { zh: "建筑施工", en: "Construction" } },
  { id: "municipal", name: { zh: "市政", en: "Municipal facilities" } },
  {
    id: "commerce",
    name: { zh: "商务（商场/餐饮/酒店）", en: "Commerce (retail, dining, hotels)" },
  },
  { id: "tourism", name: { zh: "旅游", en: "Tourism" } },
  { id: "culture", name: { zh: "文化", en: "Culture" } },
  { id: "sports", name: { zh: "体育", en: "Sports" } },
  { id: "parks", name: { zh: "园林绿化（公园）", en: "Parks and greening" } },
  { id: "industrial", name: { zh: "工业", en: "Industry" } },
  { id: "education", name: { zh: "教育", en: "Education" } },
  { id: "health", name: { zh: "卫生", en: "Health" } },
  { id: "underground-space", name: { zh: "地下空间", en: "Underground space" } },
  { id: "confined-space", name: { zh: "有限空间作业", en: "Confined-space work" } },
];

const BY_ID = new Map(INDUSTRIES.map((i) => [i.id, i]));

/** The industry with this id, or `undefined`. */
export function getIndustry(id: string): Industry | undefined {
  return BY_ID.get(id as IndustryId);
}
