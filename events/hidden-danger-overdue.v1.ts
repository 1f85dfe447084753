import * as z from "zod";
import { HiddenDangerEventBaseSchema } from "./hidden-danger-payload.ts";

/** A hidden danger's rectification deadline, or its 10-day acceptance, passed (raised once per due date). */
export const type = "hidden-danger.overdue";
export const version = 1;

export const HiddenDangerOverdueV1Schema = HiddenDangerEventBaseSchema.extend({
  overdue: z.enum(["rectification", "acceptance"]),
  dueAt: z.iso.datetime(),
});
export type HiddenDangerOverdueV1 = z.infer<typeof HiddenDangerOverdueV1Schema>;
