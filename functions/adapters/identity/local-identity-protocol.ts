import * as z from "zod";
import { INTEGRATOR_SCOPES, oauthScope } from "../../../shared/tenancy/integrator-client.ts";
import { RoleSchema } from "../../../shared/tenancy/roles.ts";

/**
 * The local identity provider's admin endpoint, spoken by the local adapter and served by the
 * local stack's gateway: `POST` creates or resets a login, `PATCH` changes one. Authenticated with
 * `Authorization: Bearer <secret>`, the local admin secret of the data folder (0600).
 */
export const LOCAL_IDENTITY_USERS_PATH = "/local/identity/users";

export const LocalLoginCreateSchema = z.strictObject({
  userId: z.string().min(1).max(100),
  email: z.email(),
  name: z.string().min(1).max(100),
  tenantId: z.string().min(1).max(100),
  role: RoleSchema,
  jurisdiction: z.string().max(2048),
  password: z.string().min(10).max(128),
});
export type LocalLoginCreate = z.infer<typeof LocalLoginCreateSchema>;

export const LocalLoginPatchSchema = z.strictObject({
  email: z.email(),
  enabled: z.boolean().optional(),
  role: RoleSchema.optional(),
  jurisdiction: z.string().max(2048).optional(),
});
export type LocalLoginPatch = z.infer<typeof LocalLoginPatchSchema>;

/**
 * The machine-client half of the admin endpoint (what Cognito's CreateUserPoolClient and
 * DeleteUserPoolClient do on AWS), same secret: `POST` creates a client for the client-credentials
 * grant and answers its id and secret, the only time the secret leaves the provider; `DELETE`
 * removes one (404 when there is none).
 */
export const LOCAL_IDENTITY_CLIENTS_PATH = "/local/identity/clients";

/** The scopes the resource server defines; Cognito refuses a client asking for any other. */
const OAUTH_SCOPES: readonly string[] = INTEGRATOR_SCOPES.map(oauthScope);

export const LocalClientCreateSchema = z.strictObject({
  name: z.string().min(1).max(200),
  scopes: z
    .array(z.string().refine((s) => OAUTH_SCOPES.includes(s), { message: "unknown scope" }))
    .min(1)
    .max(OAUTH_SCOPES.length),
});
export type LocalClientCreate = z.infer<typeof LocalClientCreateSchema>;

export const LocalClientCreatedSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});
export type LocalClientCreated = z.infer<typeof LocalClientCreatedSchema>;

export const LocalClientDeleteSchema = z.strictObject({
  clientId: z.string().min(1).max(128),
});
export type LocalClientDelete = z.infer<typeof LocalClientDeleteSchema>;
