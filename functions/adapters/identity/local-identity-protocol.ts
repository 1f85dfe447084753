import * as z from "zod";
import { RoleSchema } from "../../../shared/tenancy/roles.ts";

/**
 * The local identity provider's admin endpoint, spoken by the local adapter and served by the
 * local stack's gateway: `POST` creates or resets a login, `PATCH` changes one. Authenticated with
 * `Authorization: Bearer <secret>`, a random secret generated at each start.
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
