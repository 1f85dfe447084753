import * as z from "zod";
import { StoredMetaSchema, Text } from "../risk/common.ts";

/**
 * An integrator: another government platform or an enterprise's own system that calls the REST
 * API with OAuth2 client credentials (issue 3 §2). The identity provider keeps the client and
 * its secret; this record says whom the client acts for. Access tokens of client credentials
 * carry no tenant claims on Cognito, so the API's authorizer reads them from here on every
 * request — which is also what makes disabling a client take effect without a new deployment.
 */
export const INTEGRATOR_SCOPES = ["read", "write"] as const;
export const IntegratorScopeSchema = z.enum(INTEGRATOR_SCOPES);
export type IntegratorScope = z.infer<typeof IntegratorScopeSchema>;

/** The OAuth resource server every integrator scope belongs to (`cityrisk-api/read`). */
export const RESOURCE_SERVER_ID = "cityrisk-api";

export function oauthScope(scope: IntegratorScope): string {
  return `${RESOURCE_SERVER_ID}/${scope}`;
}

export const IntegratorStatusSchema = z.enum(["active", "disabled"]);
export type IntegratorStatus = z.infer<typeof IntegratorStatusSchema>;

export const IntegratorClientSchema = z.object({
  ...StoredMetaSchema.omit({ id: true }).shape,
  /** The identity provider's client id: the `client_id` claim of the client's tokens. */
  clientId: z.string().min(1),
  name: Text(100),
  /** Token form of what the client reads (claims.ts); empty for an enterprise's own system. */
  jurisdiction: z.string(),
  scopes: z.array(IntegratorScopeSchema).min(1),
  status: IntegratorStatusSchema,
  createdBy: z.string(),
});
export type IntegratorClient = z.infer<typeof IntegratorClientSchema>;

/**
 * Registering an integrator. The city admin names the government tenant the platform acts for
 * and its jurisdiction (within the tenant's); an enterprise admin registers a system of their
 * own enterprise, which reads that enterprise only.
 */
export const IntegratorCreateInputSchema = z.strictObject({
  name: Text(100),
  scopes: z.array(IntegratorScopeSchema).min(1).max(2),
  tenantId: z.string().trim().min(1).max(100).optional(),
  jurisdiction: z.string().trim().max(500).optional(),
});
export type IntegratorCreateInput = z.infer<typeof IntegratorCreateInputSchema>;

export const IntegratorPatchInputSchema = z
  .strictObject({
    status: IntegratorStatusSchema.optional(),
    name: Text(100).optional(),
    scopes: z.array(IntegratorScopeSchema).min(1).max(2).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type IntegratorPatchInput = z.infer<typeof IntegratorPatchInputSchema>;

export const IntegratorViewSchema = IntegratorClientSchema;
export type IntegratorView = IntegratorClient;

/** The answer of a registration: the only time the secret is shown. */
export const IntegratorCreatedSchema = IntegratorClientSchema.extend({
  clientSecret: z.string(),
  /** Where the client exchanges its credentials for a token (`grant_type=client_credentials`). */
  tokenUrl: z.string(),
});
export type IntegratorCreated = z.infer<typeof IntegratorCreatedSchema>;
