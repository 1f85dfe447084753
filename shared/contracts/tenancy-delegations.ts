import * as z from "zod";
import {
  AuditQuerySchema,
  DelegationCreateInputSchema,
  PageQuerySchema,
} from "../tenancy/requests.ts";
import { AuditRecordViewSchema, DelegationViewSchema, pageSchema } from "../tenancy/views.ts";
import { api, type Contract, problem } from "./route.ts";
import { IdParams, OFFICIALS, tags } from "./tenancy-parts.ts";

export const TenantExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  tenantId: z.string(),
  tenant: z.unknown(),
  enterprise: z.unknown(),
  users: z.array(z.unknown()),
  riskSources: z.array(z.unknown()),
  assessments: z.array(z.unknown()),
  delegations: z.array(z.unknown()),
  auditRecords: z.array(z.unknown()),
});

/** Delegation to assessment agencies, the audit trail and the tenant's data export. */
export const delegationContract = {
  grantDelegation: {
    method: "POST",
    path: api("/delegations"),
    access: { roles: ["enterpriseAdmin"] },
    summary:
      "Delegate some of the enterprise's risk sources to an assessment agency until an expiry",
    tags,
    request: { body: DelegationCreateInputSchema },
    responses: {
      201: { description: "Granted", schema: DelegationViewSchema },
      400: problem("Unknown agency, sources not the enterprise's, or expiry out of range"),
    },
  },
  listDelegations: {
    method: "GET",
    path: api("/delegations"),
    access: { roles: ["enterpriseAdmin", "enterpriseStaff", "assessor"] },
    summary: "Delegations granted (enterprise) or received (assessor)",
    tags,
    request: { query: PageQuerySchema },
    responses: { 200: { description: "A page", schema: pageSchema(DelegationViewSchema) } },
  },
  revokeDelegation: {
    method: "DELETE",
    path: api("/delegations/{id}"),
    access: { roles: ["enterpriseAdmin"] },
    summary: "Revoke a delegation now (If-Match: delegation version)",
    tags,
    request: { params: IdParams, headers: ["If-Match"] },
    responses: {
      200: { description: "Revoked", schema: DelegationViewSchema },
      404: problem("No such delegation"),
      409: problem("Already revoked"),
      412: problem("Changed since read"),
    },
  },
  auditTrail: {
    method: "GET",
    path: api("/audit"),
    access: { roles: ["enterpriseAdmin", ...OFFICIALS] },
    summary:
      "A tenant's audit trail, newest first (officials: enterprises in their jurisdiction), filtered by time range, action or target kind, and acting user",
    tags,
    request: { query: AuditQuerySchema },
    responses: {
      200: { description: "A page", schema: pageSchema(AuditRecordViewSchema) },
      400: problem("Invalid filter, listed per field"),
      404: problem("No such tenant within reach"),
    },
  },
  export: {
    method: "GET",
    path: api("/export"),
    access: { roles: ["enterpriseAdmin"] },
    summary: "Everything the tenant owns, as one JSON document (数据导出)",
    tags,
    responses: { 200: { description: "The export", schema: TenantExportSchema } },
  },
} as const satisfies Contract;
