import * as z from "zod";
import { StoredMetaSchema } from "../risk/common.ts";

/**
 * An enterprise lets an assessment agency assess a set of its risk sources until `expiresAt`;
 * the enterprise can revoke it earlier (issue 3 §1).
 */
export const DelegationSchema = z.object({
  ...StoredMetaSchema.shape,
  agencyTenantId: z.string().min(1),
  riskSourceIds: z.array(z.string().min(1)).min(1).max(500),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  grantedBy: z.string().min(1),
});
export type Delegation = z.infer<typeof DelegationSchema>;

/** Whether a delegation is in force at a moment: not revoked and not expired. */
export function delegationActive(d: Delegation, now: Date): boolean {
  return d.revokedAt === null && Date.parse(d.expiresAt) > now.getTime();
}

/** Whether a delegation lets its agency act on a source at a moment. */
export function delegationAllows(d: Delegation, riskSourceId: string, now: Date): boolean {
  return delegationActive(d, now) && d.riskSourceIds.includes(riskSourceId);
}
