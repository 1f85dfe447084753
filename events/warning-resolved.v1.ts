import * as z from "zod";
import { WarningEventBaseSchema } from "./warning-payload.ts";

/** A warning was resolved by someone responsible, or cleared because its cause recovered. */
export const type = "warning.resolved";
export const version = 1;

export const WarningResolvedV1Schema = WarningEventBaseSchema.extend({
  resolution: z.enum(["resolved", "cleared"]),
  resolvedAt: z.iso.datetime(),
  /** Absent when the system cleared it. */
  resolvedBy: z.string().optional(),
  note: z.string().optional(),
});
export type WarningResolvedV1 = z.infer<typeof WarningResolvedV1Schema>;
