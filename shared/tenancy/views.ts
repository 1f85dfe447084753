import * as z from "zod";
import { AuditRecordSchema } from "../audit/audit-record.ts";
import { DelegationSchema } from "./delegation.ts";
import { RoleSchema } from "./roles.ts";
import { TenantSchema, TenantStatusSchema } from "./tenant.ts";
import { UserSchema } from "./user.ts";

/** What the tenancy API answers, shared with the web app. */

export const SignupCreatedSchema = z.object({ tenantId: z.string(), status: TenantStatusSchema });
export type SignupCreated = z.infer<typeof SignupCreatedSchema>;

/** A tenant as listed (approval queue, the city admin's tenant list). */
export const TenantViewSchema = TenantSchema;
export type TenantView = z.infer<typeof TenantViewSchema>;

/** What an invitation link shows before it is accepted. */
export const InvitationViewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  tenantName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

export const InvitationAcceptedSchema = z.object({
  email: z.string(),
  tenantId: z.string(),
  userId: z.string(),
});
export type InvitationAccepted = z.infer<typeof InvitationAcceptedSchema>;

export const UserViewSchema = UserSchema;
export type UserView = z.infer<typeof UserViewSchema>;

export const DelegationViewSchema = DelegationSchema.extend({
  /** Not revoked and not expired at the time of the answer. */
  active: z.boolean(),
  agencyName: z.string().optional(),
  enterpriseName: z.string().optional(),
});
export type DelegationView = z.infer<typeof DelegationViewSchema>;

export const AgencyViewSchema = z.object({ tenantId: z.string(), name: z.string() });
export type AgencyView = z.infer<typeof AgencyViewSchema>;

export const AuditRecordViewSchema = AuditRecordSchema;

/** Every listing answers `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
