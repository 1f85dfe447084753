import * as z from "zod";
import { LevelSchema } from "../shared/methodology/levels.ts";
import { ChainStepSchema } from "../shared/warnings/escalation.ts";
import { WarningRuleSchema } from "../shared/warnings/rules.ts";
import { SignalDetailSchema } from "../shared/warnings/warning.ts";

/**
 * Fields every warning event carries, so a consumer can render it without reading the
 * warning: which warning, of which source, under which rule and level, and where on the
 * responsibility chain it stands with the jurisdictions of the officials responsible there.
 */
export const WarningEventBaseSchema = z.object({
  warningId: z.string().min(1),
  riskSourceId: z.string().min(1),
  riskSourceName: z.string(),
  enterpriseName: z.string(),
  rule: WarningRuleSchema,
  level: LevelSchema,
  raisedAt: z.iso.datetime(),
  step: ChainStepSchema,
  /** Jurisdiction tokens (shared/tenancy/claims.ts) of the officials responsible at `step`. */
  jurisdictions: z.array(z.string()),
});
export { SignalDetailSchema };
