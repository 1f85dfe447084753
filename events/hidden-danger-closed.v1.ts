import type * as z from "zod";
import { HiddenDangerEventBaseSchema } from "./hidden-danger-payload.ts";

/** A hidden danger was accepted and closed (销号); a major one leaves supervision. */
export const type = "hidden-danger.closed";
export const version = 1;

export const HiddenDangerClosedV1Schema = HiddenDangerEventBaseSchema;
export type HiddenDangerClosedV1 = z.infer<typeof HiddenDangerClosedV1Schema>;
