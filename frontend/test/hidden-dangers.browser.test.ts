import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { putHiddenDanger } from "../../test/support/hidden-danger-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
} from "../../test/support/registry-fixtures.ts";
import { stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { putSource } from "../../test/support/warning-fixtures.ts";
import { launchChromium, openedFromBucket, pageOptions, signInAs } from "./browser-support.ts";

// Hidden dangers through the built web app in Debian's Chromium: the gas station's admin opens
// a reported danger, makes the 五到位 plan, marks it rectified and evaluates the effect; the list
// uploads an evidence photo (the presigned PUT goes through the gateway's same-origin S3 path,
// as the bucket's CORS rule allows on AWS) and opens it; the list switches to English. Needs
// `npm run build:frontend`. The content and size checks are in test/integration/hidden-dangers/.

/** The first bytes of a PNG: what the server's content check looks for. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe("hidden dangers pages", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestStack("hidden-dangers-browser");
    stack = running.stack;
    const store = stackStore(stack);
    const tenantId = "t-gas-station-chaoyang";
    await putEnterprise(
      store,
      enterpriseFixture(
        tenantId,
        { district: "110105", street: "建外街道", industry: "gas" },
        FIXTURE_USCC[0] as string,
      ),
    );
    const source = await putSource(store, tenantId, `${tenantId}~BROWSERSOURCE1`);
    await putHiddenDanger(store, source);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1400, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("lists the danger and opens it with its lifecycle", async () => {
    await signInAs(page, stack.baseUrl, "admin@gas-station.demo", "/hidden-dangers");
    const table = page.getByTestId("hidden-dangers");
    await table.getByText("已上报").first().waitFor();
    await page.getByTestId("danger-stats").waitFor();
    await table.getByRole("link", { name: "消防通道堆放杂物" }).click();
    await page.getByTestId("danger-steps").waitFor();
    await page.getByTestId("plan-form").waitFor();
  });

  it("makes the plan, rectifies and evaluates, and uploads a photo it can open", async () => {
    await page.getByTestId("plan-measures").fill("清理杂物，设置禁止堆放标识");
    await page.getByTestId("plan-funds").fill("500");
    await page.getByTestId("plan-deadline").click();
    await page.keyboard.type("2099-01-31");
    await page.keyboard.press("Enter");
    await page.getByTestId("plan-person").fill("王站长");
    await page.getByTestId("plan-phone").fill("13800138000");
    await page.getByTestId("plan-emergency").fill("按现场处置方案执行");
    // Under load a refetch of the danger answered after the next step had: hold every read of
    // it back until the step is done, then let them through; the page must keep the newer state.
    const held: Route[] = [];
    const oneDanger = /\/api\/v1\/hidden-dangers\/[^/?]+(\?.*)?$/;
    await page.route(oneDanger, (route) =>
      route.request().method() === "GET" ? void held.push(route) : route.continue(),
    );
    await page.getByTestId("plan-save").click();
    await page.getByTestId("danger-title").getByText("整改中").waitFor();
    await page.getByTestId("step-rectify").click();
    await page.getByTestId("danger-title").getByText("已整改").waitFor();
    await page.unroute(oneDanger);
    for (const route of held) await route.continue().catch(() => undefined); // cancelled meanwhile
    await Promise.all(held.map((route) => route.request().response()));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    await page.getByTestId("danger-title").getByText("已整改").waitFor();
    await page.getByTestId("step-note").fill("复查通道畅通");
    await page.getByTestId("step-evaluate").click();
    await page.getByTestId("danger-title").getByText("待验收").waitFor();
    await page.getByTestId("danger-history").getByText("复查通道畅通").waitFor();
    await page.getByTestId("evidence-upload").waitFor();
    await page.locator("input[type=file]").setInputFiles({
      name: "通道照片.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG),
    });
    const photo = page.getByTestId("evidence-list").locator("li", { hasText: "通道照片.png" });
    // Verified by content on the server, the photo opens in a new tab from the bucket.
    const [shown, opened] = await Promise.all([
      openedFromBucket(page, () => photo.getByRole("button").click()),
      page.waitForEvent("popup"),
    ]);
    expect(shown.link.pathname).toContain("/local/s3/");
    expect(shown.status).toBe(200);
    expect(shown.body.equals(Buffer.from(PNG))).toBe(true);
    await opened.close();
  });

  it("switches the list to English", async () => {
    await page.goto(`${stack.baseUrl}/hidden-dangers`);
    await page.getByText("English", { exact: true }).click();
    await page.getByText("Hidden dangers").first().waitFor();
    await page.getByTestId("hidden-dangers").getByText("Awaiting acceptance").first().waitFor();
  });
});
