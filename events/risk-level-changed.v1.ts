import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";

/** A source's current level (风险等级) changed; null while no assessment counts. */
export const type = "risk-level.changed";
export const version = 1;

export const RiskLevelChangedV1Schema = z.object({
  riskSourceId: z.string().min(1),
  from: LevelSchema.nullable(),
  to: LevelSchema.nullable(),
  /** The assessment whose submission or review caused the change; absent when a rule did. */
  assessmentId: z.string().min(1).optional(),
  /**
   * The direct-major rule and the hidden danger that moved the level (an open major hidden
   * danger raising it, or its closing restoring the assessed level), when no assessment did.
   */
  rule: z.object({ id: z.string().min(1), hiddenDangerId: z.string().min(1) }).optional(),
  changedAt: z.iso.datetime(),
});
export type RiskLevelChangedV1 = z.infer<typeof RiskLevelChangedV1Schema>;
