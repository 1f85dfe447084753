import { Webhook } from "standardwebhooks";
import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../../events/envelope.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { listLocalSms } from "../../../functions/adapters/sms/local-sms-outbox.ts";
import { escalationSweep } from "../../../functions/warnings/sweep.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import type { EndpointSecretView } from "../../../shared/webhooks/endpoint.ts";
import { riskSourceInput } from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";
import { WebhookReceiver } from "../../support/webhook-receiver.ts";

// Issue 11's "done when" as one journey through the local stack: the gas station's
// self-assessment grading a source major reaches, within seconds, the station's webhook endpoint
// (signed, verified by the `standardwebhooks` library), the Chaoyang official's mailbox and the
// local SMS outbox; the official acknowledges it from the inbox (twice is harmless); a second red
// warning nobody acknowledges climbs the responsibility chain on time, driven by the sweep with
// a clock of the test's own, and the climb is delivered as `warning.escalated`.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MAJOR = { current: { L: 3, E: 10, C: 15 } }; // LEC 450 → major (重大)
const OFFICIAL_MAIL = "official@chaoyang.demo";
const OFFICIAL_PHONE = "139****0002"; // masked as the local outbox lists it
const DELIVERY = { timeoutMs: 20_000, intervalMs: 100 } as const;

describe("warning journey: assessment → webhook, e-mail, SMS → acknowledge; escalation on time", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let enterprise: ApiCaller;
  let official: ApiCaller;
  let endpoint: EndpointSecretView;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    running = await startTestStack("journey");
    stack = running.stack;
    store = stackStore(stack);
    // The government tenants (the Chaoyang official, found by jurisdiction) and the station's profile.
    await seedDemoTenants(store, new Date());
    [enterprise, official] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, OFFICIAL_MAIL),
    ]);
    const created = await enterprise.call("POST", "/api/v1/webhook-endpoints", {
      body: {
        url: receiver.url("/gas-station"),
        eventTypes: ["warning.raised", "risk-level.changed", "warning.escalated"],
      },
      headers: { "idempotency-key": `journey-${ulid()}` },
    });
    expect(created.status).toBe(201);
    endpoint = created.body as EndpointSecretView;
  });

  afterAll(async () => {
    await running?.stop();
    await receiver.stop();
  });

  /** Registers a gas-station source and submits a self-assessment that grades it major. */
  async function majorSource(name: string): Promise<RiskSource> {
    const registered = await enterprise.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, name),
    });
    expect(registered.status).toBe(201);
    const source = registered.body as RiskSource;
    const assessed = await enterprise.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/assessments`,
      { body: { profileId: "lec-default", ...MAJOR } },
    );
    expect(assessed.status).toBe(201);
    return source;
  }

  /** The webhooks the station's endpoint got about a source, verified and parsed. */
  function webhooksAbout(source: RiskSource, type: string): EventEnvelope[] {
    return receiver
      .on("/gas-station")
      .filter((r) => r.body.includes(source.id))
      .map(
        (r) =>
          new Webhook(endpoint.secret).verify(
            r.body,
            r.headers as Record<string, string>,
          ) as EventEnvelope,
      )
      .filter((e) => e.type === type);
  }

  async function inboxWarning(source: RiskSource): Promise<Warning | undefined> {
    const res = await official.call("GET", "/api/v1/warnings?limit=200&rule=assessed-major");
    expect(res.status).toBe(200);
    return (res.body as { items: Warning[] }).items.find((w) => w.riskSourceId === source.id);
  }

  it("delivers a signed webhook, an e-mail and an SMS within seconds; the official acknowledges", async () => {
    const source = await majorSource("储罐区（旅程测试）");

    const raised = await waitFor(() => webhooksAbout(source, "warning.raised")[0], {
      ...DELIVERY,
      description: "the signed warning.raised webhook",
    });
    expect(raised.subject).toMatchObject({ tenantId: "t-gas-station-chaoyang", level: "major" });
    const signed = receiver.on("/gas-station").find((r) => r.body.includes(raised.id));
    expect(signed?.headers["webhook-id"]).toBeTruthy();
    expect(String(signed?.headers["webhook-signature"])).toMatch(/^v1,/);

    const mail = await waitFor(
      () =>
        stack.mail
          .list()
          .find((m) => m.to.includes(OFFICIAL_MAIL) && (m.messageId ?? "").includes(raised.id)),
      { ...DELIVERY, description: "the e-mail to the Chaoyang official" },
    );
    expect(mail.subject).toContain("储罐区（旅程测试）");
    const sms = await waitFor(
      async () =>
        (await listLocalSms(store)).find(
          (m) => m.to === OFFICIAL_PHONE && m.reference.startsWith(raised.id),
        ),
      { ...DELIVERY, description: "the SMS to the Chaoyang official" },
    );
    expect(sms.text).toContain("红色（重大）预警");
    // The same outbox through the stack's local page.
    const page = await fetch(`${stack.baseUrl}/local/sms`, {
      headers: { authorization: `Bearer ${stack.adminSecret}` },
    });
    expect(
      ((await page.json()) as { reference: string }[]).some((m) => m.reference === sms.reference),
    ).toBe(true);

    const warning = await inboxWarning(source);
    expect(warning).toMatchObject({ level: "major", status: "open", rule: "assessed-major" });
    const id = encodeURIComponent(warning?.id ?? "");
    const first = await official.call("POST", `/api/v1/warnings/${id}/acknowledge`, {
      body: { note: "已通知企业负责人" },
    });
    expect(first.status).toBe(200);
    const second = await official.call("POST", `/api/v1/warnings/${id}/acknowledge`, { body: {} });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      status: "acknowledged",
      version: (first.body as Warning).version,
    });
    expect((await inboxWarning(source))?.status).toBe("acknowledged");
  });

  it("escalates an unacknowledged red warning after 15 minutes and delivers warning.escalated", async () => {
    const source = await majorSource("加气区（无人确认）");
    const warning = await waitFor(() => inboxWarning(source), {
      ...DELIVERY,
      description: "the second warning in the inbox",
    });
    const raisedAt = Date.parse(warning.raisedAt);
    const minutesIn = (minutes: number) => new Date(raisedAt + minutes * 60_000);

    expect(await escalationSweep(store, minutesIn(14.9))).not.toContain(warning.id);
    const before = await official.call("GET", `/api/v1/warnings/${encodeURIComponent(warning.id)}`);
    expect((before.body as Warning).escalation.step).toBe(warning.escalation.step);

    expect(await escalationSweep(store, minutesIn(15))).toContain(warning.id);
    const climbed = await official.call(
      "GET",
      `/api/v1/warnings/${encodeURIComponent(warning.id)}`,
    );
    expect(climbed.status).toBe(200);
    // The chain (domain.md §5): raised to the enterprise and its street, the district and the
    // industry department at 15 minutes, the city 15 minutes later.
    expect(warning.escalation.step).toBe("street");
    expect((climbed.body as Warning).escalation.step).toBe("district");
    expect(await escalationSweep(store, minutesIn(29.9))).not.toContain(warning.id);
    expect(await escalationSweep(store, minutesIn(30))).toContain(warning.id);
    const city = await official.call("GET", `/api/v1/warnings/${encodeURIComponent(warning.id)}`);
    expect((city.body as Warning).escalation.step).toBe("city");

    const escalated = await waitFor(
      () => {
        const got = webhooksAbout(source, "warning.escalated");
        return got.length === 2 && got;
      },
      { ...DELIVERY, description: "the two signed warning.escalated webhooks" },
    );
    expect(escalated.map((e) => (e.data as { step: string }).step).sort()).toEqual([
      "city",
      "district",
    ]);
    expect(
      escalated.find((e) => (e.data as { step: string }).step === "district")?.data,
    ).toMatchObject({
      from: "street",
      reason: "unacknowledged",
      jurisdictions: ["d:110105", "i:gas"],
    });
  });
});
