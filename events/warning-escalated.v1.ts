import * as z from "zod";
import { ChainStepSchema } from "../shared/warnings/escalation.ts";
import { WarningEventBaseSchema } from "./warning-payload.ts";

/**
 * A warning climbed the responsibility chain (升级): `step` is the level it reached and
 * `jurisdictions` the officials now responsible, for the delivery side to find recipients.
 */
export const type = "warning.escalated";
export const version = 1;

export const WarningEscalatedV1Schema = WarningEventBaseSchema.extend({
  from: ChainStepSchema,
  /** Not acknowledged in time, or acknowledged but not resolved in time. */
  reason: z.enum(["unacknowledged", "unresolved"]),
  escalatedAt: z.iso.datetime(),
  /** When it climbs again if nothing happens; null at the top of the chain. */
  nextDueAt: z.iso.datetime().nullable(),
});
export type WarningEscalatedV1 = z.infer<typeof WarningEscalatedV1Schema>;
