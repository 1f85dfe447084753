import type * as z from "zod";
import { HiddenDangerEventBaseSchema } from "./hidden-danger-payload.ts";

/** A hidden danger was reported (隐患上报); a major one is reported to its supervisor at once. */
export const type = "hidden-danger.reported";
export const version = 1;

export const HiddenDangerReportedV1Schema = HiddenDangerEventBaseSchema;
export type HiddenDangerReportedV1 = z.infer<typeof HiddenDangerReportedV1Schema>;
