import { Webhook } from "standardwebhooks";
import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_TOPIC_ID, type EventEnvelope, eventAttributes } from "../../../events/envelope.ts";
import { ENV } from "../../../functions/platform/environment.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Delivery } from "../../../shared/webhooks/delivery.ts";
import type { EndpointSecretView, EndpointView } from "../../../shared/webhooks/endpoint.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";
import { WebhookReceiver } from "../../support/webhook-receiver.ts";

// Webhooks end to end (issue 11 item 7): endpoints through the API, events through the `events`
// topic and the `webhooks` queue's consumer to a receiver in this test, which verifies the
// Standard Webhooks signature with the `standardwebhooks` library. Retries run on a clock of the
// test's own (a year ahead, so the stack's real minute sweep never finds these deliveries).
const GAS = "t-gas-station-chaoyang";
const MALL = "t-mall-haidian";
const PLACE = { district: "110105", street: "建外街道", industry: "gas" } as const;

function envelope(tenantId: string, type: string, occurredAt = new Date()): EventEnvelope {
  return {
    id: ulid(occurredAt.getTime()),
    type,
    version: 1,
    occurredAt: occurredAt.toISOString(),
    subject: { tenantId, ...PLACE, level: "major" },
    data: { note: "test" },
  };
}

describe("webhooks", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let gasAdmin: ApiCaller;
  const receiver = new WebhookReceiver();
  const yearAhead = Date.now() + 365 * 86_400_000;

  /** The modules that read the stack's configuration, loaded once it is set. */
  const modules = async () => ({
    ...(await import("../../../functions/webhooks/fan-out.ts")),
    ...(await import("../../../functions/webhooks/retry-sweep.ts")),
    ...(await import("../../../functions/webhooks/attempt.ts")),
    ...(await import("../../../functions/adapters/webhooks/send.ts")),
    ...(await import("../../../functions/adapters/messaging/topic-publisher.ts")),
    ...(await import("../../../functions/platform/config.ts")),
  });

  /** Delivery surroundings on the test's clock. */
  async function depsAt(
    at: () => Date,
    send?: import("../../../functions/adapters/webhooks/send.ts").Send,
  ) {
    const m = await modules();
    return {
      store: stackStore(stack),
      send: send ?? m.webhookSender({ allowPrivate: true }),
      allowPrivate: true,
      now: at,
      wait: async () => undefined,
    };
  }

  async function createEndpoint(path: string, eventTypes: string[]): Promise<EndpointSecretView> {
    const created = await gasAdmin.call("POST", "/api/v1/webhook-endpoints", {
      body: { url: receiver.url(path), eventTypes },
      headers: { "idempotency-key": `create-${ulid()}` },
    });
    expect(created.status).toBe(201);
    return created.body as EndpointSecretView;
  }

  async function deliveriesOf(endpointId: string): Promise<Delivery[]> {
    const page = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpointId}/deliveries`);
    expect(page.status).toBe(200);
    return (page.body as { items: Delivery[] }).items;
  }

  /** What disabling an endpoint left for its owner: the audit record and the notice by e-mail. */
  async function disableTrail(endpoint: { id: string; url: string }) {
    const store = stackStore(stack);
    const [audits, outbox] = await Promise.all([
      store.entities.auditRecord.query.byTenant({ tenantId: GAS }).go({ pages: "all" }),
      store.entities.outboxMessage.query.byTenant({ tenantId: GAS }).go({ pages: "all" }),
    ]);
    return {
      audits: audits.data
        .map((a) => a.record)
        .filter((r) => r.action === "webhookEndpoint.disable" && r.target.id === endpoint.id),
      notices: outbox.data
        .map((m) => m.record.effect)
        .flatMap((e) => (e.channel === "mail" ? [e.mail] : []))
        .filter((mail) => mail.text.includes(endpoint.url)),
    };
  }

  beforeAll(async () => {
    await receiver.start();
    running = await startTestStack("webhooks");
    stack = running.stack;
    // The government tenants: a platform's endpoints are found through its tenant's jurisdiction.
    await seedDemoTenants(stackStore(stack), new Date());
    gasAdmin = await signIn(stack, "admin@gas-station.demo");
  });

  afterAll(async () => {
    await running?.stop();
    await receiver.stop();
  });

  it("delivers an event from the topic, signed so the receiver's library verifies it; other tenants' events stay away", async () => {
    const endpoint = await createEndpoint("/signed", ["risk-level.changed"]);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const { publishToTopic } = await modules();
    const other = envelope(MALL, "risk-level.changed");
    const own = envelope(GAS, "risk-level.changed");
    for (const e of [other, own]) {
      await publishToTopic(EVENTS_TOPIC_ID, JSON.stringify(e), eventAttributes(e));
    }
    const got = await waitFor(() => receiver.on("/signed")[0], { description: "the delivery" });
    expect(
      new Webhook(endpoint.secret).verify(got.body, got.headers as Record<string, string>),
    ).toEqual(JSON.parse(JSON.stringify(own)));
    expect(got.headers["webhook-id"]).toBe(own.id);
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === "delivered");
    expect(receiver.on("/signed").map((r) => r.headers["webhook-id"])).toEqual([own.id]);

    // After a rotation both secrets verify, during the grace period.
    const rotated = await gasAdmin.call(
      "POST",
      `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    const fresh = rotated.body as EndpointSecretView;
    expect(fresh.previousSecretExpiresAt).toBeDefined();
    const again = envelope(GAS, "risk-level.changed");
    await publishToTopic(EVENTS_TOPIC_ID, JSON.stringify(again), eventAttributes(again));
    const second = await waitFor(() => receiver.on("/signed")[1]);
    for (const secret of [endpoint.secret, fresh.secret]) {
      expect(
        new Webhook(secret).verify(second.body, second.headers as Record<string, string>),
      ).toBeTruthy();
    }
  });

  it("sends every enterprise's events in the city platform's reach to its endpoint, found by its owner", async () => {
    // The city admin's endpoint sits in the city tenant's partition; the events are other
    // tenants'. The consumer reads the subject's tenant and the government tenants covering the
    // place, so it must find this one through the city's jurisdiction.
    const cityAdmin = await signIn(stack, "admin@city.demo");
    const created = await cityAdmin.call("POST", "/api/v1/webhook-endpoints", {
      body: { url: receiver.url("/city"), eventTypes: ["assessment.graded"] },
      headers: { "idempotency-key": `city-${ulid()}` },
    });
    expect(created.status).toBe(201);
    const { publishToTopic } = await modules();
    const events = [envelope(GAS, "assessment.graded"), envelope(MALL, "assessment.graded")];
    for (const e of events) {
      await publishToTopic(EVENTS_TOPIC_ID, JSON.stringify(e), eventAttributes(e));
    }
    await waitFor(() => receiver.accepted.filter((r) => r.path === "/city").length === 2, {
      description: "both deliveries to the city's endpoint",
    });
    expect(new Set(receiver.on("/city").map((r) => r.headers["webhook-id"]))).toEqual(
      new Set(events.map((e) => e.id)),
    );
  });

  it("a receiver failing, then dying mid-attempt, then recovering gets the message once per webhook-id", async () => {
    const endpoint = await createEndpoint("/flaky", ["warning.acknowledged"]);
    receiver.script("/flaky", [{ status: 503, headers: { "retry-after": "60" } }, { status: 200 }]);
    const { fanOut, sweepDueDeliveries } = await modules();
    let clock = new Date(yearAhead);
    const event = envelope(GAS, "warning.acknowledged", clock);

    await fanOut(await depsAt(() => clock), event);
    let [delivery] = await deliveriesOf(endpoint.id);
    // Retry-After (60 s) beats the schedule's 5 s.
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    expect(Date.parse(delivery?.nextAttemptAt ?? "")).toBe(clock.getTime() + 60_000);

    // Not yet due: nothing is sent.
    expect(
      await sweepDueDeliveries(await depsAt(() => clock), new Date(clock.getTime() + 30_000)),
    ).toBe(0);

    // The second attempt reaches the receiver (200), but the worker dies before logging it.
    clock = new Date(clock.getTime() + 61_000);
    const crashing = await depsAt(
      () => clock,
      async (url, headers, body) => {
        const { webhookSender } = await modules();
        await webhookSender({ allowPrivate: true })(url, headers, body);
        throw new Error("worker died after sending");
      },
    );
    await expect(sweepDueDeliveries(crashing, clock)).rejects.toThrow("worker died");
    // Its lease runs out; the next sweep sends again, with the same webhook-id — unless that
    // sweep is out of time before it starts one: then it waits for the run after.
    clock = new Date(clock.getTime() + 61_000);
    expect(await sweepDueDeliveries(await depsAt(() => clock), clock, () => true)).toBe(0);
    expect(await sweepDueDeliveries(await depsAt(() => clock), clock)).toBe(1);

    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    const ids = receiver.on("/flaky").map((r) => r.headers["webhook-id"]);
    expect(ids).toEqual([event.id, event.id, event.id]);
    expect(receiver.accepted.filter((r) => r.path === "/flaky")).toHaveLength(1);
    const log = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpoint.id}/attempts`);
    expect(
      (log.body as { items: { statusCode?: number }[] }).items.map((a) => a.statusCode),
    ).toEqual([204, 503]);

    // The same event again (the outbox or SQS repeating it) makes no second delivery.
    await fanOut(await depsAt(() => clock), event);
    expect(receiver.on("/flaky")).toHaveLength(3);
  });

  it("tries a failed first attempt again 5 s later without holding up the batch's next record", async () => {
    await createEndpoint("/second-try", ["warning.escalated"]);
    // No Retry-After: the schedule's 5 s applies, and the consumer makes that try itself.
    receiver.script("/second-try", [{ status: 503 }]);
    const { handler } = await import("../../../functions/webhooks/webhook-delivery.handler.ts");
    const { webhookDelivery } = await import("../../../functions/webhooks/manifest.ts");
    const { createLambdaContext } = await import("../../../infra/local/runners/lambda-context.ts");
    const failing = envelope(GAS, "warning.escalated");
    const next = envelope(GAS, "warning.escalated");
    const { toLambdaSqsRecord } = await import("../../../infra/local/runners/sqs-records.ts");
    // As the local poller hands a received message to the handler.
    const record = (e: EventEnvelope, i: number) =>
      toLambdaSqsRecord(
        {
          MessageId: `m-${i}`,
          ReceiptHandle: "r",
          Body: JSON.stringify({ Type: "Notification", Message: JSON.stringify(e) }),
        },
        "arn:aws:sqs:us-east-1:000000000000:webhooks",
        "us-east-1",
      );
    const response = await handler(
      { Records: [record(failing, 0), record(next, 1)] },
      createLambdaContext(webhookDelivery),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    // The next record's first attempt came before the failed one's second; and the invocation
    // returned only once that second try was made.
    const ids = receiver.on("/second-try").map((r) => r.headers["webhook-id"]);
    expect(ids).toEqual([failing.id, next.id, failing.id]);
    expect(receiver.accepted.filter((r) => r.path === "/second-try")).toHaveLength(2);
  });

  it("disables an endpoint answering 410, and replays its failed messages once enabled again", async () => {
    const endpoint = await createEndpoint("/gone", ["warning.resolved"]);
    receiver.script("/gone", [{ status: 410 }]);
    const { fanOut, sweepDueDeliveries } = await modules();
    const clock = new Date(yearAhead + 86_400_000);
    const event = envelope(GAS, "warning.resolved", clock);
    await fanOut(await depsAt(() => clock), event);

    const read = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(read.body as EndpointView).toMatchObject({ status: "disabled", disabledReason: "gone" });
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "failed", attempts: 1 });
    // Its owner is told, and the change is in the audit trail, once.
    const trail = await disableTrail(endpoint);
    expect(trail.audits).toHaveLength(1);
    expect(trail.audits[0]?.after).toMatchObject({ status: "disabled", disabledReason: "gone" });
    expect(trail.notices).toHaveLength(1);
    expect(trail.notices[0]).toMatchObject({ to: ["admin@gas-station.demo"] });
    expect(trail.notices[0]?.text).toContain("410 Gone");

    // A later event finds no enabled endpoint.
    await fanOut(await depsAt(() => clock), envelope(GAS, "warning.resolved", clock));
    expect(receiver.on("/gone")).toHaveLength(1);

    const enabled = await gasAdmin.call("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, {
      body: { status: "enabled" },
      headers: { "if-match": read.headers.get("etag") ?? "" },
    });
    expect(enabled.status).toBe(200);
    const replay = await gasAdmin.call("POST", `/api/v1/webhook-endpoints/${endpoint.id}/replay`, {
      body: { since: new Date(clock.getTime() - 60_000).toISOString() },
    });
    expect(replay).toMatchObject({ status: 202, body: { replayed: 1 } });
    // The replay is due at once: the sweep sends it (the test's, or the stack's own minute sweep).
    await sweepDueDeliveries(await depsAt(() => clock), clock);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({
      status: "delivered",
      attempts: 2,
    });

    // One message replayed by its id: the same webhook-id again.
    const one = await gasAdmin.call(
      "POST",
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${event.id}/replay`,
    );
    expect(one.status).toBe(202);
    await sweepDueDeliveries(await depsAt(() => clock), clock);
    await waitFor(() => receiver.on("/gone").length === 3);
    expect(receiver.on("/gone").map((r) => r.headers["webhook-id"])).toEqual([
      event.id,
      event.id,
      event.id,
    ]);
  });

  it("disables an endpoint failing for 5 days without one success, telling its owner", async () => {
    const endpoint = await createEndpoint("/failing", ["warning.escalated"]);
    receiver.script(
      "/failing",
      Array.from({ length: 3 }, () => ({ status: 503 })),
    );
    const { fanOut } = await modules();
    const start = new Date(yearAhead + 2 * 86_400_000);
    await fanOut(await depsAt(() => start), envelope(GAS, "warning.escalated", start));
    const failing = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(failing.body as EndpointView).toMatchObject({ status: "enabled" });

    // Four days on, still failing: still enabled.
    const fourDays = new Date(start.getTime() + 4 * 86_400_000);
    await fanOut(await depsAt(() => fourDays), envelope(GAS, "warning.escalated", fourDays));
    expect((await disableTrail(endpoint)).audits).toEqual([]);
    // Five days without one success: the next failure disables it.
    const fiveDays = new Date(start.getTime() + 5 * 86_400_000 + 60_000);
    await fanOut(await depsAt(() => fiveDays), envelope(GAS, "warning.escalated", fiveDays));
    const read = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(read.body as EndpointView).toMatchObject({
      status: "disabled",
      disabledReason: "failing",
    });
    const trail = await disableTrail(endpoint);
    expect(trail.audits).toHaveLength(1);
    expect(trail.notices).toHaveLength(1);
    expect(trail.notices[0]?.text).toContain("no delivery succeeded for 5 days");
    expect(receiver.on("/failing")).toHaveLength(3);
  });

  it("refuses private and loopback targets when the setting says AWS", async () => {
    const { reloadConfig } = await modules();
    process.env[ENV.webhookPrivateTargets] = "false";
    reloadConfig();
    try {
      for (const url of [
        "http://127.0.0.1:8080/hook",
        "https://127.0.0.1/hook",
        "https://[::1]/x",
      ]) {
        const refused = await gasAdmin.call("POST", "/api/v1/webhook-endpoints", {
          body: { url, eventTypes: ["warning.raised"] },
        });
        expect(refused.status, url).toBe(400);
        expect(refused.body).toMatchObject({ code: "webhook.invalidTarget" });
      }
    } finally {
      process.env[ENV.webhookPrivateTargets] = "true";
      reloadConfig();
    }
    // An endpoint made while private targets were allowed is refused at delivery, and logged.
    const endpoint = await createEndpoint("/private", ["warning.raised"]);
    const { fanOut } = await modules();
    const clock = new Date(yearAhead + 2 * 86_400_000);
    await fanOut(
      { ...(await depsAt(() => clock)), allowPrivate: false },
      envelope(GAS, "warning.raised", clock),
    );
    expect(receiver.on("/private")).toHaveLength(0);
    const log = await gasAdmin.call("GET", `/api/v1/webhook-endpoints/${endpoint.id}/attempts`);
    expect((log.body as { items: { error?: string }[] }).items[0]?.error).toMatch(
      /https|non-public/,
    );
  });
});
