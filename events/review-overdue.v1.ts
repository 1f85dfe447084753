import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";

/** A graded source's periodic review (定期复评, domain.md §4) is past due: raised once per due date. */
export const type = "review.overdue";
export const version = 1;

export const ReviewOverdueV1Schema = z.object({
  riskSourceId: z.string().min(1),
  name: z.string(),
  level: LevelSchema,
  nextReviewAt: z.iso.datetime(),
  /** Whole days past due when the daily pass noticed it. */
  daysOverdue: z.number().int().nonnegative(),
});
export type ReviewOverdueV1 = z.infer<typeof ReviewOverdueV1Schema>;
