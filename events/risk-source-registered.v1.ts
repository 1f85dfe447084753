import * as z from "zod";
import { IndustryIdSchema } from "../shared/catalogs/industries.ts";

/** A risk source (风险源) was registered by its enterprise; it has no level until assessed. */
export const type = "risk-source.registered";
export const version = 1;

export const RiskSourceRegisteredV1Schema = z.object({
  riskSourceId: z.string().min(1),
  enterpriseId: z.string().min(1),
  name: z.string().min(1),
  industry: IndustryIdSchema,
  registeredAt: z.iso.datetime(),
});
export type RiskSourceRegisteredV1 = z.infer<typeof RiskSourceRegisteredV1Schema>;
