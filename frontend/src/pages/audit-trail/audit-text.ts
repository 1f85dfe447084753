import type { AuditRecord } from "../../../../shared/audit/audit-record.ts";

const ACTIONS = ["read", "create", "update", "delete", "grant", "revoke"] as const;
/** The kinds of record the trail can be filtered by (the route takes them as `action`). */
export const AUDIT_TARGETS = [
  "enterprise",
  "riskSource",
  "assessment",
  "delegation",
  "auditTrail",
  "user",
  "capabilityAssessment",
] as const;

export type KnownAction = (typeof ACTIONS)[number];
export type KnownTarget = (typeof AUDIT_TARGETS)[number];

/** `riskSource.update` → its target kind and verb, each known to the texts or left as written. */
export function splitAction(action: string): { kind: string; verb: string } {
  const dot = action.lastIndexOf(".");
  return dot < 0
    ? { kind: "", verb: action }
    : { kind: action.slice(0, dot), verb: action.slice(dot + 1) };
}

export const isKnownAction = (verb: string): verb is KnownAction =>
  (ACTIONS as readonly string[]).includes(verb);

export const isKnownTarget = (type: string): type is KnownTarget =>
  (AUDIT_TARGETS as readonly string[]).includes(type);

/** Top-level fields whose value differs between the before and after images. */
export function changedFields(record: Pick<AuditRecord, "before" | "after">): string[] {
  const before = (record.before ?? {}) as Record<string, unknown>;
  const after = (record.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object") return [];
  const skip = new Set(["version", "updatedAt", "createdAt"]);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !skip.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Whether a record mentions `text` in its actor, action or target (case-insensitive). */
export function recordMatches(record: AuditRecord, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === "") return true;
  return [
    record.actor.userId,
    record.actor.role,
    record.action,
    record.target.type,
    record.target.id,
  ]
    .join(" ")
    .toLowerCase()
    .includes(needle);
}
