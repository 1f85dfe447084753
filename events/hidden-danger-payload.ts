import * as z from "zod";
import {
  HiddenDangerLevelSchema,
  HiddenDangerStatusSchema,
} from "../shared/hidden-dangers/hidden-danger.ts";

/** Fields every hidden-danger event carries, so a consumer can render it without a read. */
export const HiddenDangerEventBaseSchema = z.object({
  hiddenDangerId: z.string().min(1),
  riskSourceId: z.string().min(1),
  riskSourceName: z.string(),
  level: HiddenDangerLevelSchema,
  title: z.string(),
  status: HiddenDangerStatusSchema,
  /** Listed for supervision (挂牌督办). */
  supervised: z.boolean(),
  at: z.iso.datetime(),
});
