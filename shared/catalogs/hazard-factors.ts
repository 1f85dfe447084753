import * as z from "zod";
import { BilingualSchema } from "../methodology/profiles/profile-schema.ts";

export const HAZARD_FACTOR_IDS = ["human", "material", "environment", "management"] as const;

export const HazardFactorIdSchema = z.enum(HAZARD_FACTOR_IDS);
export type HazardFactorId = z.infer<typeof HazardFactorIdSchema>;

export const HazardFactorCategorySchema = z.object({
  id: HazardFactorIdSchema,
  code: z.string().regex(/^\d$/),
  name: BilingualSchema,
});
export type HazardFactorCategory = z.infer<typeof HazardFactorCategorySchema>;

/** The four top-level categories of GB/T 13861 (生产过程危险和有害因素分类与代码). */
export const HAZARD_FACTOR_CATEGORIES: readonly HazardFactorCategory[] = [
  { id: "human", code: "1", name: { zh: "人的因素", en: "Human factors" } },
  { id: "material", code: "2", name: { zh: "物的因素", en: "Material factors" } },
  { id: "environment", code: "3", name: { zh: "环境因素", en: "Environmental factors" } },
  { id: "management", code: "4", name: { zh: "管理因素", en: "Management factors" } },
];
