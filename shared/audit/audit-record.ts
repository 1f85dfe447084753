import * as z from "zod";
import { RoleSchema } from "../tenancy/roles.ts";

/** Who acted: the user (or machine client), their tenant and role at the time. */
export const ActorSchema = z.object({
  userId: z.string().min(1),
  tenantId: z.string().min(1),
  role: RoleSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

/**
 * An immutable audit record (issue 4 §7, issue 3 §5): every mutation with its before/after
 * images, and every read of an enterprise's data by an official (`action` ends in `.read`).
 */
export const AuditRecordSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  at: z.iso.datetime(),
  actor: ActorSchema,
  action: z.string().min(1),
  target: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
