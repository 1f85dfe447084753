import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogEntry } from "../../../events/catalog.ts";
import {
  EVENTS_TOPIC_ID,
  type EventEnvelope,
  EventEnvelopeSchema,
} from "../../../events/envelope.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Assessment } from "../../../shared/risk/assessment.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// The register's writes publish product events (events/catalog.ts) to the `events` topic through
// the outbox, in the same transaction as the change: the outbox holds one envelope per event.
const TENANT = "t-gas-station-chaoyang";
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const FIRE = { current: { L: 3, E: 10, C: 15 }, inherent: { L: 6, E: 10, C: 15 } }; // major

describe("registry events", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let enterprise: ApiCaller;
  let official: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("regevents");
    stack = running.stack;
    await putEnterprise(
      stackStore(stack),
      enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string),
    );
    [enterprise, official] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "official@chaoyang.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** The envelopes the outbox holds for one source, in the order they were written. */
  async function eventsOf(riskSourceId: string): Promise<EventEnvelope[]> {
    const { data } = await stackStore(stack)
      .entities.outboxMessage.query.byTenant({ tenantId: TENANT })
      .go({ pages: "all" });
    return data
      .map((d) => d.record)
      .flatMap((m) =>
        m.effect.channel === "topic" && m.effect.topic === EVENTS_TOPIC_ID
          ? [EventEnvelopeSchema.parse(JSON.parse(m.effect.message))]
          : [],
      )
      .filter((e) => e.subject.riskSourceId === riskSourceId)
      .sort(
        // ULIDs of one millisecond are not ordered; within one write, grading reads first.
        (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.type.localeCompare(b.type),
      );
  }

  it("publishes registration, grading, review and level changes with valid payloads", async () => {
    const created = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "加油区 · 事件"),
    });
    expect(created.status).toBe(201);
    const source = created.body as RiskSource;
    const assessed = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...FIRE } },
    );
    expect(assessed.status).toBe(201);
    const assessment = assessed.body as Assessment;
    const returned = await official.call(
      "POST",
      `/api/v1/assessments/${encodeURIComponent(assessment.id)}/review`,
      { body: { decision: "return", comment: "依据不足" }, headers: { "if-match": '"1"' } },
    );
    expect(returned.status).toBe(200);

    const all = await eventsOf(source.id);
    // The warnings capability publishes its own events from the same writes (a major grade).
    const events = all.filter((e) => !e.type.startsWith("warning."));
    expect(events.map((e) => e.type)).toEqual([
      "risk-source.registered",
      "assessment.graded",
      "risk-level.changed",
      "assessment.graded",
      "risk-level.changed",
    ]);
    for (const e of all) {
      expect(catalogEntry(e.type, e.version)?.schema?.safeParse(e.data).success, e.type).toBe(true);
      expect(e.subject).toMatchObject({ tenantId: TENANT, district: "110105", industry: "gas" });
    }
    expect(events[2]?.data).toMatchObject({ from: null, to: "major" });
    expect(events[3]?.data).toMatchObject({ status: "returned", level: "major" });
    expect(events[4]?.data).toMatchObject({ from: "major", to: null });
  });
});
