import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
} from "../../test/support/registry-fixtures.ts";
import { stackStore } from "../../test/support/stack-client.ts";
import { freshUscc } from "../../test/support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { button, launchChromium, pageOptions, signInAs, signOut } from "./browser-support.ts";

// The journey of issue 13 in Chromium (`npm run test:e2e`): an enterprise signs up with the map
// picker, the district official approves; a Chaoyang gas station registers and assesses a source
// with the map picker; the official finds it on the dashboard, on the map and first in the
// review queue, and accepts it. Screenshots of each page land in test-artifacts/ (git-ignored).
const ARTIFACTS = "test-artifacts/journey";
const GAS_STATION = {
  district: "110105",
  street: "建外街道",
  industry: "hazardous-chemicals",
} as const;
const SOURCE_NAME = `卸油区（旅程测试${Date.now().toString(36)}）`;

describe("journey: sign-up, approval, registration with the map picker, review", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const enterpriseName = `北京旅程测试加油站${Date.now().toString(36)}有限公司`;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    running = await startTestStack("journey-web", { autoApproveSignups: false });
    stack = running.stack;
    await seedDemoTenants(stackStore(stack), new Date());
    await putEnterprise(stackStore(stack), {
      ...enterpriseFixture("t-gas-station-chaoyang", GAS_STATION, FIXTURE_USCC[0] as string),
      name: "北京朝阳示范加油站有限公司",
    });
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1280, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const shot = (name: string) =>
    page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  /** Clicks the picker's map at a share of its width and height; returns the fields' values. */
  async function clickPicker(x: number, y: number, lonId: string, latId: string) {
    const map = page.getByTestId("location-picker-map");
    // In the middle of the viewport: a sticky footer must not take the click.
    await map.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await map.locator("canvas").first().waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error("the picker's map is not drawn");
    const before = await page.locator(lonId).inputValue();
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await expect.poll(() => page.locator(lonId).inputValue(), { timeout: 5_000 }).not.toBe(before);
    return {
      lon: Number(await page.locator(lonId).inputValue()),
      lat: Number(await page.locator(latId).inputValue()),
    };
  }

  async function pick(selectId: string, search: string): Promise<void> {
    await page.locator(selectId).fill(search);
    await page.locator(selectId).press("Enter");
  }

  it("signs an enterprise up, its location clicked on the map", async () => {
    await page.goto(`${stack.baseUrl}/sign-up`);
    await page.locator("#sign-up_name").fill(enterpriseName);
    await page.locator("#sign-up_uscc").fill(freshUscc("110105"));
    await pick("#sign-up_district", "朝阳");
    await page.locator("#sign-up_street").fill("酒仙桥街道");
    await pick("#sign-up_industry", "燃气");
    await page.locator("#sign-up_address").fill("北京市朝阳区酒仙桥路 20 号");
    const picked = await clickPicker(0.52, 0.65, "#sign-up_lon", "#sign-up_lat");
    expect(picked.lon).toBeGreaterThan(115.4);
    expect(picked.lon).toBeLessThan(117.55);
    expect(picked.lat).toBeGreaterThan(39.4);
    expect(picked.lat).toBeLessThan(41.1);
    await page
      .getByTestId("location-picker-status")
      .getByText(`经度 ${picked.lon}，纬度 ${picked.lat}`, { exact: false })
      .waitFor();
    // The keyboard way: a typed value outside Beijing is refused in words.
    await page.locator("#sign-up_lat").fill("45");
    await page.getByText("纬度应在 39.4 至 41.1 之间", { exact: false }).waitFor();
    await page.locator("#sign-up_lat").fill(String(picked.lat));
    await page.locator("#sign-up_principal_name").fill("吴昊");
    await page.locator("#sign-up_principal_phone").fill("13911112222");
    await page.locator("#sign-up_safetyContact_name").fill("郑洁");
    await page.locator("#sign-up_safetyContact_phone").fill("010-64351234");
    await page.locator("#sign-up_admin_name").fill("吴昊");
    await page
      .locator("#sign-up_admin_email")
      .fill(`admin-${Date.now().toString(36)}@journey.test`);
    await shot("01-sign-up");
    await page.getByTestId("sign-up-submit").click();
    await page.getByTestId("sign-up-done").getByText("注册申请已提交").waitFor();
  });

  it("lets the Chaoyang official approve it", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/approvals");
    const row = page.locator("tr", { hasText: enterpriseName });
    await row.getByRole("button", { name: button("通过") }).click();
    await page.getByTestId("decision-comment").fill("材料齐全，同意注册");
    await shot("02-approvals");
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: button("通过") })
      .click();
    await row.waitFor({ state: "detached" });
    await signOut(page);
  });

  it("registers a gas-station source with the map picker and assesses it", async () => {
    await signInAs(page, stack.baseUrl, "admin@gas-station.demo", "/risk-sources/new");
    await page
      .locator('[data-list="gas-stations"]')
      .getByTestId("use-item-gs-forecourt-traffic")
      .click();
    await page.getByTestId("field-name").fill(SOURCE_NAME);
    await page.getByTestId("field-responsible-post").fill("站长");
    await page.getByTestId("field-industry-department").fill("朝阳区城市管理委员会");
    await clickPicker(0.53, 0.66, "#lon", "#lat");
    await shot("03-register");
    await page.getByTestId("submit-risk-source").click();
    await page.getByTestId("risk-source-detail").waitFor();

    await page.getByTestId("assess-risk-source").click();
    for (const [letter, text] of [
      ["L", "可能，但不经常"],
      ["E", "每天工作时间内暴露"],
      ["C", "严重，重伤"],
    ] as const) {
      await page.getByTestId(`factor-current-${letter}`).getByText(text, { exact: true }).click();
    }
    await shot("04-assess");
    await page.getByTestId("submit-assessment").click();
    await page.getByTestId("assessment-history").getByText("待审核").waitFor();
    await signOut(page);
  });

  it("shows it to the official on the dashboard, on the map and first in the review queue", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/");
    await page.getByText("待审核评估").first().waitFor();
    await shot("05-dashboard");

    await page.goto(`${stack.baseUrl}/map`);
    await page.getByText(/朝阳区：显示 \d+ 个风险源/).waitFor();
    await shot("06-map");

    await page.goto(`${stack.baseUrl}/reviews`);
    const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
    await first.getByText(SOURCE_NAME, { exact: false }).waitFor();
    await shot("07-review-queue");
    await first.getByTestId("review-accept").click();
    await page.getByTestId("review-comment").fill("管控措施落实，同意");
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: button("通过") })
      .click();
    await page.locator(".ant-table-tbody").getByText(SOURCE_NAME).waitFor({ state: "detached" });
    await shot("08-accepted");
  });
});
