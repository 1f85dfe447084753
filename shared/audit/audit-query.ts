import * as z from "zod";
import type { AuditRecord } from "./audit-record.ts";

/**
 * `GET /audit`'s filters (审计记录查询), applied on the server so a long trail is searched, not
 * just its loaded pages: a time range (the records' ULID ids are in time order, so the range is
 * the index's key condition), an action or a target kind (`riskSource` or `riskSource.update`),
 * and the acting user.
 */
export const AuditFilterSchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/, {
      message: "应为对象类型或动作，如 riskSource 或 riskSource.update / a target kind or action",
    })
    .optional(),
  actor: z.string().trim().min(1).max(100).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** `from` after `to` is refused with the field named. */
export const auditRangeInOrder = {
  check: (f: AuditFilter) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to),
  message: "from 晚于 to / from is after to",
  path: ["from"],
};

/** Whether a record passes the filters the key condition does not decide (action, actor). */
export function auditRecordMatches(record: AuditRecord, filter: AuditFilter): boolean {
  if (filter.actor !== undefined && record.actor.userId !== filter.actor) return false;
  if (filter.action === undefined) return true;
  return record.action === filter.action || record.action.startsWith(`${filter.action}.`);
}
