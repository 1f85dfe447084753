import * as z from "zod";
import { StoredMetaSchema, Text } from "../risk/common.ts";
import { RoleSchema } from "./roles.ts";

/** A tenant's user; `invited` until the invitation is accepted. */
export const UserStatusSchema = z.enum(["invited", "active", "disabled"]);
export type UserStatus = z.infer<typeof UserStatusSchema>;

export const UserSchema = z.object({
  ...StoredMetaSchema.omit({ id: true }).shape,
  userId: z.string().min(1),
  email: z.email(),
  name: Text(50),
  role: RoleSchema,
  /** Token form of the user's jurisdiction (claims.ts). */
  jurisdiction: z.string(),
  status: UserStatusSchema,
  /** When the invitation was accepted and the login created; unset while invited. */
  activatedAt: z.iso.datetime().optional(),
  /** Personal mobile; masked for roles that do not need it. */
  phone: z.string().optional(),
});
export type User = z.infer<typeof UserSchema>;
