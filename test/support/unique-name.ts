import { randomBytes } from "node:crypto";

/** A short name unique to this run and call, safe for tables, queues, topics and buckets. */
export function uniqueName(prefix = "t"): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
