import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";

/** A source's current level (风险等级) changed; null while no assessment counts. */
export const type = "risk-level.changed";
export const version = 1;

export const RiskLevelChangedV1Schema = z.object({
  riskSourceId: z.string().min(1),
  from: LevelSchema.nullable(),
  to: LevelSchema.nullable(),
  /** The assessment whose submission or review caused the change. */
  assessmentId: z.string().min(1),
  changedAt: z.iso.datetime(),
});
export type RiskLevelChangedV1 = z.infer<typeof RiskLevelChangedV1Schema>;
