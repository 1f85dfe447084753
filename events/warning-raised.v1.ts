import * as z from "zod";
import { SignalDetailSchema, WarningEventBaseSchema } from "./warning-payload.ts";

/** A warning was raised, or re-fired at a more severe level (`fireCount` > 1). */
export const type = "warning.raised";
export const version = 1;

export const WarningRaisedV1Schema = WarningEventBaseSchema.extend({
  fireCount: z.number().int().positive(),
  detail: SignalDetailSchema,
});
export type WarningRaisedV1 = z.infer<typeof WarningRaisedV1Schema>;
