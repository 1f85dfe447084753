import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { StoredMetaSchema, Text } from "../risk/common.ts";
import { UsccSchema } from "../risk/uscc.ts";

/**
 * Enterprises subscribe on the web; government agencies (the city safety committee, district
 * governments, streets/towns, industry departments) and assessment agencies are created by the
 * city admin.
 */
export const TenantKindSchema = z.enum(["enterprise", "government", "assessmentAgency"]);
export type TenantKind = z.infer<typeof TenantKindSchema>;

/**
 * `pending` sign-ups await their district or industry department; `preregistered` enterprises
 * came from a census import and have no users until they sign up.
 */
export const TenantStatusSchema = z.enum([
  "pending",
  "active",
  "rejected",
  "preregistered",
  "suspended",
]);
export type TenantStatus = z.infer<typeof TenantStatusSchema>;

export const TenantSchema = z.object({
  ...StoredMetaSchema.omit({ tenantId: true }).shape,
  kind: TenantKindSchema,
  status: TenantStatusSchema,
  name: Text(100),
  /** Enterprises only. */
  uscc: UsccSchema.optional(),
  district: DistrictCodeSchema.optional(),
  street: z.string().optional(),
  industry: IndustryIdSchema.optional(),
  /** Government tenants: the jurisdiction their officials get (token form, see claims.ts). */
  jurisdiction: z.string().optional(),
  /**
   * `census`: a sign-up took over this census pre-registration. Rejecting that sign-up returns
   * the tenant to `preregistered` with its credit code's claim, so the census data stays found.
   */
  claimedFrom: z.literal("census").optional(),
  /** Enterprise sign-ups: the applicant who becomes the first admin on approval. */
  applicant: z.object({ name: Text(50), email: z.email() }).optional(),
  decision: z
    .object({
      by: z.string(),
      at: z.iso.datetime(),
      comment: z.string().optional(),
    })
    .optional(),
});
export type Tenant = z.infer<typeof TenantSchema>;
