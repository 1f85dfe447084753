import * as z from "zod";
import { ROLES, RoleSchema } from "../tenancy/roles.ts";
import { api, type Contract } from "./route.ts";

/** `slow`: answered after 1 s or not within 3 s; `error`: answered with an error or refused. */
const CheckStatusSchema = z.enum(["ok", "slow", "error"]);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z.object({ dynamodb: CheckStatusSchema, s3: CheckStatusSchema }),
});
export type Health = z.infer<typeof HealthSchema>;

const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

export const MeSchema = z.object({
  userId: z.string(),
  email: z.string().optional(),
  tenantId: z.string(),
  /** The name of the caller's tenant (enterprise, government or agency), when it has a record. */
  tenantName: z.string().optional(),
  role: RoleSchema,
  roleLabel: BilingualSchema,
  /**
   * Token form (`*` the whole city, `d:110105;i:gas`), as users and integrators are listed;
   * absent, with its label, where the caller is granted none (assessors, enterprise systems).
   */
  jurisdiction: z.string().min(1).optional(),
  jurisdictionLabel: BilingualSchema.optional(),
});
export type Me = z.infer<typeof MeSchema>;

/** Health, the API document and the caller's own profile. */
export const systemContract = {
  health: {
    method: "GET",
    path: api("/health"),
    access: "public",
    summary:
      "Health of the stack: DynamoDB and S3 each `ok`, `slow` (answered after 1 s, or not within 3 s) or `error`",
    tags: ["system"],
    responses: {
      200: {
        description: "Every dependency answers (`degraded` when one is slow)",
        schema: HealthSchema,
      },
      503: { description: "A dependency answers with an error or refuses", schema: HealthSchema },
    },
  },
  openApi: {
    method: "GET",
    path: api("/openapi.json"),
    access: "public",
    summary: "OpenAPI 3.1 document generated from the manifest's zod schemas",
    tags: ["system"],
    responses: { 200: { description: "OpenAPI document", contentType: "application/json" } },
  },
  docs: {
    method: "GET",
    path: "/api/docs",
    access: "public",
    summary: "API documentation page",
    tags: ["system"],
    responses: { 200: { description: "HTML page", contentType: "text/html" } },
  },
  me: {
    method: "GET",
    path: api("/me"),
    access: { roles: ROLES },
    summary: "The signed-in caller: tenant, role and jurisdiction",
    tags: ["system"],
    responses: { 200: { description: "The caller", schema: MeSchema } },
  },
} as const satisfies Contract;
