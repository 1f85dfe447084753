import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { matrixWarning } from "../../test/support/matrix-warning-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
} from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { putSource } from "../../test/support/warning-fixtures.ts";
import { button, launchChromium, pageOptions, signInAs } from "./browser-support.ts";

// The officials' warnings inbox through the built web app on the local stack in Debian's
// Chromium: a red warning in Chaoyang is listed, acknowledged with a note (the timeline shows
// it, and the nearest emergency resources), and a new warning appears without a reload. Needs `npm run build:frontend`.
describe("warnings inbox", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let source: RiskSource;

  beforeAll(async () => {
    running = await startTestStack("warnings-browser");
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
    source = await putSource(store, tenantId, `${tenantId}~BROWSERSOURCE1`);
    await matrixWarning(store, source);
    // A city shelter 0.5 km east of the source: the warning names it among the nearest resources.
    const official = await signIn(stack, "official@chaoyang.demo");
    const shelter = await official.call("POST", "/api/v1/emergency-resources", {
      body: {
        category: "shelter",
        name: "日坛公园应急避难场所",
        quantity: 1,
        unit: "处",
        location: { lon: source.location.lon + 0.5 / 85.3, lat: source.location.lat },
        contact: { name: "张队长", phone: "13912345678" },
        availability: "available",
        district: "110105",
        street: "建外街道",
      },
    });
    expect(shelter.status, JSON.stringify(shelter.body)).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1400, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("lists Chaoyang's red warning for its official, filtered by level", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/warnings");
    const table = page.getByTestId("warnings");
    await table.getByText("储罐区").first().waitFor();
    await table.getByText("待签收").first().waitFor();
    await page.getByTestId("level-filter").click();
    await page.getByTitle("低风险").click();
    await page.getByText("暂无预警").waitFor();
    await page.getByTestId("level-filter").click();
    await page.getByTitle("重大风险").click();
    await table.getByText("储罐区").first().waitFor();
  });

  it("acknowledges it with a note, and the timeline shows the step", async () => {
    const table = page.getByTestId("warnings");
    await table
      .getByRole("button", { name: button("签收") })
      .first()
      .click();
    await page.getByLabel("处置说明").fill("已电话通知站长");
    await page
      .locator(".ant-modal-footer")
      .getByRole("button", { name: button("签收") })
      .click();
    await table.getByText("已签收").first().waitFor();
    await table.getByRole("button", { name: "储罐区" }).first().click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("已电话通知站长").waitFor();
    await drawer.getByText("企业及街道（乡镇）").first().waitFor();
    // The nearest emergency resources to the warning's source, by distance.
    const nearest = drawer.getByTestId("warning-nearest-resources");
    await nearest.getByText("日坛公园应急避难场所").waitFor();
    await nearest.getByText("0.50").waitFor();
    await page.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });
  });

  it("shows a new warning without a reload", async () => {
    await page.getByTestId("level-filter").click();
    await page.getByTitle("全部等级").click();
    const table = page.getByTestId("warnings");
    // The unfiltered list was cached while the warning was open: wait for its refetch.
    await table.getByText("已签收").first().waitFor();
    await table.getByText("待签收").first().waitFor({ state: "detached" });
    await matrixWarning(stackStore(stack), source);
    // The inbox polls every 15 seconds.
    await table.getByText("待签收").first().waitFor({ timeout: 25_000 });
  });
});
