import * as z from "zod";
import { WarningEventBaseSchema } from "./warning-payload.ts";

/** Someone responsible acknowledged a warning (签收): its escalation now waits for resolution. */
export const type = "warning.acknowledged";
export const version = 1;

export const WarningAcknowledgedV1Schema = WarningEventBaseSchema.extend({
  acknowledgedAt: z.iso.datetime(),
  acknowledgedBy: z.string().min(1),
  note: z.string().optional(),
});
export type WarningAcknowledgedV1 = z.infer<typeof WarningAcknowledgedV1Schema>;
