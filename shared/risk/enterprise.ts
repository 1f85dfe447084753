import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { ENTERPRISE_STAGES } from "../stats/enterprise-coverage.ts";
import type { Place } from "../tenancy/scope.ts";
import {
  ContactSchema,
  ContactViewSchema,
  LocationSchema,
  StoredMetaSchema,
  Text,
} from "./common.ts";
import { UsccSchema } from "./uscc.ts";

const fields = {
  uscc: UsccSchema,
  name: Text(100),
  industry: IndustryIdSchema,
  district: DistrictCodeSchema,
  /** Street or town (街道/乡镇) of the district. */
  street: Text(50),
  address: Text(200),
  location: LocationSchema,
  /** 主要负责人 */
  principal: ContactSchema,
  /** 安全管理联系人 */
  safetyContact: ContactSchema,
};

/** Registering an enterprise; unknown keys rejected. */
export const EnterpriseCreateInputSchema = z.strictObject(fields);
export type EnterpriseCreateInput = z.infer<typeof EnterpriseCreateInputSchema>;

/** Changing an enterprise: any field but the credit code, at least one. */
export const EnterpriseUpdateInputSchema = EnterpriseCreateInputSchema.omit({ uscc: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type EnterpriseUpdateInput = z.infer<typeof EnterpriseUpdateInputSchema>;

/**
 * Work-safety standardization (安全生产标准化) grade 一级/二级/三级 as 1/2/3, recorded from the
 * standardization system's export; never set by the enterprise itself.
 */
export const StandardizationSchema = z.strictObject({
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  certificateNo: Text(50),
  /** Expiry date of the certificate (YYYY-MM-DD). */
  expiresAt: z.iso.date(),
});
export type Standardization = z.infer<typeof StandardizationSchema>;

/** An enterprise as stored (the enterprise is a tenant of its own data). */
export const EnterpriseSchema = z
  .object(fields)
  .extend(StoredMetaSchema.shape)
  .extend({ standardization: StandardizationSchema.optional() });
export type Enterprise = z.infer<typeof EnterpriseSchema>;

/** Where an enterprise is supervised, as its profile (企业档案) has it. */
export const placeOfEnterprise = ({ district, street, industry }: Enterprise): Place => ({
  district,
  street,
  industry,
});

/**
 * How far an enterprise's assessments are (覆盖情况, shared/stats/enterprise-coverage.ts), as the
 * statistics fold keeps it: the stage and the counts it comes from.
 */
export const EnterpriseCoverageSchema = z.strictObject({
  stage: z.enum(ENTERPRISE_STAGES),
  sources: z.number().int().nonnegative(),
  graded: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
});
export type EnterpriseCoverage = z.infer<typeof EnterpriseCoverageSchema>;

/**
 * An enterprise as the API answers it: its contacts' phones may be masked; its coverage once the
 * fold has counted it.
 */
export const EnterpriseViewSchema = EnterpriseSchema.extend({
  principal: ContactViewSchema,
  safetyContact: ContactViewSchema,
  coverage: EnterpriseCoverageSchema.optional(),
});
