import { setTimeout } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_TOPIC_ID, eventAttributes } from "../../events/envelope.ts";
import type { WarningRaisedV1 } from "../../events/warning-raised.v1.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { waitFor } from "../../test/support/wait-for.ts";
import { WebhookReceiver } from "../../test/support/webhook-receiver.ts";
import {
  button,
  launchChromium,
  pageOptions,
  signInAs as signInDemoUser,
} from "./browser-support.ts";

// Webhook 接收地址: the gas station's admin adds an endpoint (the secret shown once), an event
// reaches the receiver signed with it, the delivery log shows it and a replay sends it again;
// rotating shows a new secret; the endpoint is disabled and deleted, in English. Built web app on
// the local stack in Debian's Chromium (needs `npm run build:frontend`).
describe("webhooks page", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const receiver = new WebhookReceiver();
  let endpointId: string;
  let secret: string;

  beforeAll(async () => {
    await receiver.start();
    running = await startTestStack("webhooks-browser");
    stack = running.stack;
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1680, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await receiver.stop();
  });

  const signInAs = (email: string) => signInDemoUser(page, stack.baseUrl, email, "/webhooks");

  async function confirmIn(testId: string, label: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: button(label) })
      .click();
  }

  it("adds an endpoint and shows its secret once", async () => {
    await signInAs("admin@gas-station.demo");
    await page.getByRole("heading", { name: "Webhook 接收地址" }).waitFor();
    await page.getByTestId("webhook-create").click();
    await page.locator("#webhook-endpoint_url").fill(receiver.url("/browser"));
    await page.getByLabel(/^warning\.raised/).check();
    await page.getByTestId("webhook-create-ok").click();

    await page.getByText("密钥只显示这一次").waitFor();
    secret = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByTestId("webhook-secret-close").click();
    await page.getByText("密钥只显示这一次").waitFor({ state: "detached" });

    const row = page.locator("[data-endpoint-id]").filter({ hasText: "/browser" });
    await row.getByText("已启用").waitFor();
    endpointId = (await row.getAttribute("data-endpoint-id")) ?? "";
    expect(endpointId).not.toBe("");
  });

  it("shows a signed delivery in the log and replays it with the same webhook-id", async () => {
    const { publishToTopic } = await import(
      "../../functions/adapters/messaging/topic-publisher.ts"
    );
    // A whole warning.raised, as the warning engine publishes it: the text and e-mail channels
    // read the same event and must find every field they need.
    const occurredAt = new Date().toISOString();
    const data: WarningRaisedV1 = {
      warningId: `w-${ulid()}`,
      riskSourceId: "rs-browser-webhook",
      riskSourceName: "卸油口",
      enterpriseName: "北京朝阳示范加油站有限公司",
      rule: "assessed-major",
      level: "major",
      raisedAt: occurredAt,
      step: "enterprise",
      jurisdictions: [],
      fireCount: 1,
      detail: {},
    };
    const event = {
      id: ulid(),
      type: "warning.raised",
      version: 1,
      occurredAt,
      subject: {
        tenantId: "t-gas-station-chaoyang",
        district: "110105",
        street: "建外街道",
        industry: "gas",
        level: "major",
      },
      data,
    } as const;
    await publishToTopic(EVENTS_TOPIC_ID, JSON.stringify(event), eventAttributes(event));
    const got = await waitFor(() => receiver.on("/browser")[0], { timeoutMs: 60_000 });
    expect(
      new Webhook(secret).verify(got.body, got.headers as Record<string, string>),
    ).toBeTruthy();

    await page.getByTestId(`deliveries-${endpointId}`).click();
    const deliveries = page.getByTestId("webhook-deliveries");
    await deliveries.getByText(event.id).waitFor();
    await deliveries.getByText("已送达").waitFor();
    await page.getByTestId(`replay-${event.id}`).click();
    await page.getByText("已安排重发 1 条消息").waitFor();
    // The replay is due at once; the retry sweep (every minute) sends it. Its clock is the
    // event's time, in whole seconds as EventBridge sends it: a second on, the replay is due.
    await setTimeout(1000);
    await stack.fireSchedule("webhook-retries");
    await waitFor(() => receiver.on("/browser").length >= 2, { timeoutMs: 120_000 });
    expect(receiver.on("/browser").map((r) => r.headers["webhook-id"])).toEqual([
      event.id,
      event.id,
    ]);

    await page.getByRole("tab", { name: "投递日志" }).click();
    await page.getByTestId("webhook-attempts").getByText("204").first().waitFor();
    await page.keyboard.press("Escape");
    await deliveries.waitFor({ state: "hidden" });
  });

  it("rotates the secret, disables and deletes the endpoint, in English too", async () => {
    await confirmIn(`rotate-${endpointId}`, "轮换密钥");
    await page.getByText("密钥只显示这一次").waitFor();
    const fresh = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    await page.getByTestId("webhook-secret-close").click();
    await page.getByText("密钥只显示这一次").waitFor({ state: "detached" });

    const row = page.locator(`[data-endpoint-id="${endpointId}"]`);
    await confirmIn(`toggle-${endpointId}`, "停用");
    await row.getByText(/已停用/).waitFor();

    await page.getByText("English", { exact: true }).click();
    await page.getByRole("heading", { name: "Webhook endpoints" }).waitFor();
    await confirmIn(`delete-${endpointId}`, "Delete");
    await row.waitFor({ state: "detached" });
    await page.getByText("No endpoints yet").waitFor();
  });
});
