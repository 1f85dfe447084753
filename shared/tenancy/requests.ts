import * as z from "zod";
import { AuditFilterSchema, auditRangeInOrder } from "../audit/audit-query.ts";
import { Text } from "../risk/common.ts";
import { EnterpriseCreateInputSchema } from "../risk/enterprise.ts";
import { RoleSchema } from "./roles.ts";

/**
 * Request bodies of the tenancy API, shared with the web app so a form validates exactly as the
 * server does. Every body is strict: unknown fields are refused.
 */

const Email = z.string().trim().toLowerCase().pipe(z.email());

export const ApplicantSchema = z.strictObject({ name: Text(50), email: Email });
export type Applicant = z.infer<typeof ApplicantSchema>;

/** An enterprise signs up: its profile plus the person who will administer it. */
export const SignupInputSchema = EnterpriseCreateInputSchema.extend({ admin: ApplicantSchema });
export type SignupInput = z.infer<typeof SignupInputSchema>;

export const DecisionInputSchema = z.strictObject({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(500).optional(),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** Passwords as the local identity provider accepts them; the Cognito pool may ask for more. */
export const PasswordSchema = z.string().min(10).max(128);

export const InvitationAcceptInputSchema = z.strictObject({ password: PasswordSchema });
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptInputSchema>;

/**
 * Inviting a user. `jurisdiction` (token form, claims.ts) is for officials only; the city admin
 * names the `tenantId` of the government or agency tenant the user joins.
 */
export const InvitationCreateInputSchema = z.strictObject({
  email: Email,
  name: Text(50),
  role: RoleSchema.exclude(["integrator"]),
  jurisdiction: z.string().trim().max(500).optional(),
  tenantId: z.string().trim().min(1).max(100).optional(),
});
export type InvitationCreateInput = z.infer<typeof InvitationCreateInputSchema>;

export const UserPatchInputSchema = z
  .strictObject({
    status: z.enum(["active", "disabled"]).optional(),
    role: RoleSchema.exclude(["integrator"]).optional(),
    jurisdiction: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type UserPatchInput = z.infer<typeof UserPatchInputSchema>;

const FirstUserSchema = z.strictObject({
  email: Email,
  name: Text(50),
  role: RoleSchema.exclude(["integrator", "enterpriseAdmin", "enterpriseStaff"]),
  jurisdiction: z.string().trim().max(500).optional(),
});

/** The city admin creates government bodies (with their jurisdiction) and assessment agencies. */
export const TenantCreateInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("government"),
    name: Text(100),
    jurisdiction: z.string().trim().min(1).max(500),
    firstUser: FirstUserSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("assessmentAgency"),
    name: Text(100),
    firstUser: FirstUserSchema.optional(),
  }),
]);
export type TenantCreateInput = z.infer<typeof TenantCreateInputSchema>;

/** The longest delegation an enterprise may grant in one go. */
export const MAX_DELEGATION_DAYS = 366;

export const DelegationCreateInputSchema = z.strictObject({
  agencyTenantId: z.string().trim().min(1).max(100),
  riskSourceIds: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: "风险源重复 / duplicate risk source ids",
    }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type DelegationCreateInput = z.infer<typeof DelegationCreateInputSchema>;

const paging = {
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const PageQuerySchema = z.strictObject(paging);
export const TenantPageQuerySchema = z.strictObject({
  ...paging,
  tenantId: z.string().trim().min(1).max(100).optional(),
});
/** The audit trail's page: whose trail, and the filters the server applies (audit-query.ts). */
export const AuditQuerySchema = z
  .strictObject({ ...TenantPageQuerySchema.shape, ...AuditFilterSchema.shape })
  .refine(auditRangeInOrder.check, {
    message: auditRangeInOrder.message,
    path: auditRangeInOrder.path,
  });
export const TenantKindQuerySchema = z.strictObject({
  ...paging,
  kind: z.enum(["enterprise", "government", "assessmentAgency"]),
});
export const TenantIdQuerySchema = z.strictObject({
  tenantId: z.string().trim().min(1).max(100).optional(),
});
