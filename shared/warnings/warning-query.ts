import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { LevelSchema } from "../methodology/levels.ts";
import { WarningRuleSchema } from "./rules.ts";
import { WarningSchema, WarningStatusSchema } from "./warning.ts";

/** Filters of the warnings inbox; they only ever narrow what the caller's scope reaches. */
export const WarningListQuerySchema = z.strictObject({
  level: LevelSchema.optional(),
  status: WarningStatusSchema.optional(),
  /** `live`: open, acknowledged or handling — what still needs someone. */
  live: z.enum(["true", "false"]).optional(),
  rule: WarningRuleSchema.optional(),
  riskSourceId: z.string().min(1).max(200).optional(),
  district: DistrictCodeSchema.optional(),
  industry: IndustryIdSchema.optional(),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WarningListQuery = z.infer<typeof WarningListQuerySchema>;

/** A warning as the inbox lists it: everything but its timeline. */
export const WarningSummarySchema = WarningSchema.omit({ timeline: true });
export type WarningSummary = z.infer<typeof WarningSummarySchema>;
