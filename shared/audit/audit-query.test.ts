import { describe, expect, it } from "vitest";
import { AuditQuerySchema } from "../tenancy/requests.ts";
import { auditRecordMatches } from "./audit-query.ts";
import type { AuditRecord } from "./audit-record.ts";

const record = (action: string, userId = "u-1"): AuditRecord => ({
  id: "01J00000000000000000000000",
  tenantId: "t-1",
  at: "2026-01-01T00:00:00.000Z",
  actor: { userId, tenantId: "t-1", role: "enterpriseAdmin" },
  action,
  target: { type: "riskSource", id: "s-1" },
});

describe("auditRecordMatches", () => {
  it("takes a kind of record for all its actions, and an action for itself only", () => {
    expect(auditRecordMatches(record("riskSource.update"), { action: "riskSource" })).toBe(true);
    expect(auditRecordMatches(record("riskSource.update"), { action: "riskSource.update" })).toBe(
      true,
    );
    expect(auditRecordMatches(record("riskSource.read"), { action: "riskSource.update" })).toBe(
      false,
    );
    // A kind is a whole word: `risk` is not `riskSource`.
    expect(auditRecordMatches(record("riskSource.read"), { action: "risk" })).toBe(false);
  });

  it("takes the acting user exactly, and everything without filters", () => {
    expect(auditRecordMatches(record("user.invite", "u-2"), { actor: "u-2" })).toBe(true);
    expect(auditRecordMatches(record("user.invite", "u-2"), { actor: "u-1" })).toBe(false);
    expect(auditRecordMatches(record("user.invite"), {})).toBe(true);
  });
});

describe("AuditQuerySchema", () => {
  it("refuses a range that ends before it starts on `from`", () => {
    const parsed = AuditQuerySchema.safeParse({
      from: "2026-02-01T00:00:00Z",
      to: "2026-01-01T00:00:00Z",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["from"]);
  });

  it("keeps paging defaults beside the filters and refuses unknown fields", () => {
    expect(AuditQuerySchema.parse({ action: "riskSource" })).toMatchObject({
      action: "riskSource",
      limit: 50,
    });
    expect(AuditQuerySchema.safeParse({ verb: "read" }).success).toBe(false);
  });
});
