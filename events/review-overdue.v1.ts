import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";

/** A source's periodic review (定期复评, domain.md §4) passed its due date without a new assessment. */
export const type = "review.overdue";
export const version = 1;

export const ReviewOverdueV1Schema = z.object({
  riskSourceId: z.string().min(1),
  level: LevelSchema,
  dueAt: z.iso.datetime(),
  detectedAt: z.iso.datetime(),
});
export type ReviewOverdueV1 = z.infer<typeof ReviewOverdueV1Schema>;
