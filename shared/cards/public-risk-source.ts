import * as z from "zod";
import { LevelSchema } from "../methodology/levels.ts";

/** Public service numbers every card prints (domain.md §6), and the national 12350 hotline. */
export const PUBLIC_PHONES = { police: "110", fire: "119", medical: "120", report: "12350" };

const Texts = z.array(z.string());

/**
 * What anyone holding the card's QR link may read about a source: no names of people and no
 * phones but the public service numbers — a card hangs where visitors and contractors see it.
 */
export const PublicRiskSourceSchema = z.object({
  enterpriseName: z.string(),
  sourceName: z.string(),
  place: z.string(),
  district: z.string(),
  street: z.string(),
  industry: z.string(),
  industryDepartment: z.string(),
  level: LevelSchema.nullable(),
  levelName: z.string(),
  levelColour: z.string(),
  hazardFactors: Texts,
  accidentTypes: Texts,
  consequences: z.string(),
  controls: z.object({ engineering: Texts, management: Texts, emergency: Texts }),
  protectiveEquipment: Texts,
  safetySigns: Texts,
  publicPhones: z.object({
    police: z.string(),
    fire: z.string(),
    medical: z.string(),
    report: z.string(),
  }),
  /** `YYYY-MM-DD` of the assessment the level comes from; null while ungraded. */
  assessedOn: z.string().nullable(),
  /** `lec-default v1`: the method profile and version it was graded under. */
  profile: z.string().nullable(),
  /** When the link stops working (ISO timestamp). */
  linkExpiresAt: z.iso.datetime(),
});
export type PublicRiskSource = z.infer<typeof PublicRiskSourceSchema>;
