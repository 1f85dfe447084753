import * as z from "zod";
import { BilingualSchema } from "../methodology/profiles/profile-schema.ts";

export const AccidentTypeSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  code: z.string().min(1),
  name: BilingualSchema,
});
export type AccidentType = z.infer<typeof AccidentTypeSchema>;

/** A versioned accident-type vocabulary; records keep `{ catalogId, version }` beside the ids. */
export const AccidentTypeCatalogSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  name: BilingualSchema,
  basis: z.string().min(1),
  entries: z.array(AccidentTypeSchema).min(1),
});
export type AccidentTypeCatalog = z.infer<typeof AccidentTypeCatalogSchema>;

export const CatalogRefSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
});
export type CatalogRef = z.infer<typeof CatalogRefSchema>;

export const GB6441_1986_IDS = [
  "object-strike",
  "vehicle-injury",
  "mechanical-injury",
  "lifting-injury",
  "electric-shock",
  "drowning",
  "burn-scald",
  "fire",
  "fall-from-height",
  "collapse",
  "roof-fall",
  "water-inrush",
  "blasting",
  "explosive-explosion",
  "firedamp-explosion",
  "boiler-explosion",
  "vessel-explosion",
  "other-explosion",
  "poisoning-asphyxiation",
  "other-injury",
] as const;

/** Ids of the GB 6441-1986 vocabulary, the default one. */
export const AccidentTypeIdSchema = z.enum(GB6441_1986_IDS);
export type AccidentTypeId = z.infer<typeof AccidentTypeIdSchema>;

const NAMES: Readonly<Record<AccidentTypeId, [string, string]>> = {
  "object-strike": ["物体打击", "Struck by object"],
  "vehicle-injury": ["车辆伤害", "Vehicle injury"],
  "mechanical-injury": ["机械伤害", "Mechanical injury"],
  "lifting-injury": ["起重伤害", "Lifting injury"],
  "electric-shock": ["触电", "Electric shock"],
  drowning: ["淹溺", "Drowning"],
  "burn-scald": ["灼烫", "Burns and scalds"],
  fire: ["火灾", "Fire"],
  "fall-from-height": ["高处坠落", "Fall from height"],
  collapse: ["坍塌", "Collapse"],
  "roof-fall": ["冒顶片帮", "Roof and rib fall"],
  "water-inrush": ["透水", "Water inrush"],
  blasting: ["放炮", "Blasting"],
  "explosive-explosion": ["火药爆炸", "Explosive explosion"],
  "firedamp-explosion": ["瓦斯爆炸", "Firedamp explosion"],
  "boiler-explosion": ["锅炉爆炸", "Boiler explosion"],
  "vessel-explosion": ["容器爆炸", "Pressure vessel explosion"],
  "other-explosion": ["其他爆炸", "Other explosion"],
  "poisoning-asphyxiation": ["中毒和窒息", "Poisoning and asphyxiation"],
  "other-injury": ["其他伤害", "Other injury"],
};

/**
 * The 20 accident types of GB 6441-1986 (企业职工伤亡事故分类), codes 01–20 in the standard's
 * order. GB 6441-2025 replaces it with a coded list; it can be added as another catalog.
 */
export const GB6441_1986: AccidentTypeCatalog = {
  id: "gb6441-1986",
  version: 1,
  name: { zh: "事故类别（GB 6441-1986）", en: "Accident types (GB 6441-1986)" },
  basis: "GB 6441-1986",
  entries: GB6441_1986_IDS.map((id, i) => ({
    id,
    code: String(i + 1).padStart(2, "0"),
    name: { zh: NAMES[id][0], en: NAMES[id][1] },
  })),
};

export const ACCIDENT_TYPE_CATALOGS: readonly AccidentTypeCatalog[] = [GB6441_1986];

/** The catalog with this id and version, or `undefined`. */
export function getAccidentTypeCatalog(
  id: string,
  version: number,
): AccidentTypeCatalog | undefined {
  return ACCIDENT_TYPE_CATALOGS.find((c) => c.id === id && c.version === version);
}
