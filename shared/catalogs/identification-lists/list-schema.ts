import * as z from "zod";
import { BilingualSchema } from "../../methodology/profiles/profile-schema.ts";
import { AccidentTypeIdSchema, CatalogRefSchema } from "../accident-types.ts";
import { HazardFactorIdSchema } from "../hazard-factors.ts";
import { IndustryIdSchema } from "../industries.ts";

/** Kinds of consequence named by identification lists (domain.md §9). */
export const ConsequenceKindSchema = z.enum([
  "casualties",
  "economicLoss",
  "socialImpact",
  "environment",
]);
export type ConsequenceKind = z.infer<typeof ConsequenceKindSchema>;

const Texts = z.array(z.string().min(1)).min(1);

/** Typical controls, split as on a risk notification card (domain.md §6). */
export const ControlsSchema = z.object({
  engineering: z.array(z.string().min(1)),
  management: z.array(z.string().min(1)),
  emergency: z.array(z.string().min(1)),
});
export type Controls = z.infer<typeof ControlsSchema>;

/** One suggested risk source (Chinese content; it is shown to Chinese users as written). */
export const IdentificationItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** 场所/部位 */
  place: z.string().min(1),
  /** 风险源名称 */
  riskSource: z.string().min(1),
  /** 辨识依据 */
  criterion: z.string().min(1),
  consequences: z.object({ kinds: z.array(ConsequenceKindSchema).min(1), text: z.string().min(1) }),
  accidentTypes: z.array(AccidentTypeIdSchema).min(1),
  hazardFactors: z.array(HazardFactorIdSchema).min(1),
  controls: z.object({ engineering: Texts, management: Texts, emergency: Texts }),
  /** Typical current LEC inputs with the listed controls in place (lec-default tables). */
  suggestedLec: z.object({ L: z.number(), E: z.number(), C: z.number() }).optional(),
});
export type IdentificationItem = z.infer<typeof IdentificationItemSchema>;

/** 风险源辨识建议清单 for one kind of unit (domain.md §9). */
export const IdentificationListSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  name: BilingualSchema,
  industries: z.array(IndustryIdSchema).min(1),
  accidentTypeCatalog: CatalogRefSchema,
  items: z.array(IdentificationItemSchema).min(1),
});
export type IdentificationList = z.infer<typeof IdentificationListSchema>;
