import { describe, expect, it } from "vitest";
import { catalogEntry, EVENT_CATALOG, EVENT_TYPES, WARNING_EVENT_TYPES } from "../catalog.ts";
import { EventEnvelopeSchema, eventAttributes } from "../envelope.ts";
import { newEvent } from "../new-event.ts";
import * as riskLevelChanged from "../risk-level-changed.v1.ts";

describe("event catalog", () => {
  it("lists the issue's event types once each, warnings included by name", () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect([...EVENT_TYPES].sort()).toEqual(
      [
        "risk-source.registered",
        "assessment.graded",
        "risk-level.changed",
        "review.overdue",
        ...WARNING_EVENT_TYPES,
        "hidden-danger.reported",
        "hidden-danger.overdue",
        "hidden-danger.closed",
        "hidden-danger.statistics-due",
      ].sort(),
    );
    for (const entry of EVENT_CATALOG) {
      expect(EventEnvelopeSchema.shape.type.safeParse(entry.type).success, entry.type).toBe(true);
    }
  });

  it("builds envelopes whose data is validated and whose attributes carry the subject", () => {
    const kind = { ...riskLevelChanged, parse: riskLevelChanged.RiskLevelChangedV1Schema.parse };
    const now = new Date("2026-12-04T08:00:00Z");
    const subject = {
      tenantId: "t-a",
      riskSourceId: "t-a~1",
      district: "110105",
      industry: "gas",
      level: "major",
    } as const;
    const data = {
      riskSourceId: "t-a~1",
      from: "general",
      to: "major",
      assessmentId: "t-a~1~2",
      changedAt: now.toISOString(),
    } as const;
    const envelope = newEvent(kind, subject, data, now);
    expect(EventEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(catalogEntry(envelope.type, envelope.version)?.schema?.parse(envelope.data)).toEqual(
      data,
    );
    expect(eventAttributes(envelope)).toEqual({
      eventType: "risk-level.changed",
      tenantId: "t-a",
      level: "major",
      district: "110105",
      industry: "gas",
    });
    expect(() => newEvent(kind, subject, { ...data, to: "purple" as "major" }, now)).toThrow();
  });
});

describe("OpenAPI webhooks section", () => {
  it("documents every catalog event type", async () => {
    const { openApiWebhooks } = await import("../../functions/platform/http/openapi-webhooks.ts");
    const hooks = openApiWebhooks();
    expect(Object.keys(hooks).sort()).toEqual(EVENT_TYPES.map((t) => `${t}.v1`).sort());
  });
});
