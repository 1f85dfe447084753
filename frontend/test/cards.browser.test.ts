import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { cardLinkToken } from "../../test/support/card-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import {
  launchChromium,
  openedFromBucket,
  pageOptions,
  signInAs as signInDemoUser,
} from "./browser-support.ts";

// The risk card on the source's page (preview and download) and the public page its QR code
// opens, with a public hidden-danger report from it that the district official accepts; then
// the major source's one-to-one plan (with its document), a drill and an emergency resource
// made on their pages. Through the local stack and Debian's Chromium; needs
// `npm run build:frontend`.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const ARTIFACTS = join(process.cwd(), "test-results");

describe("risk notification card pages", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let source: RiskSource;

  beforeAll(async () => {
    running = await startTestStack("cards-web");
    stack = running.stack;
    await putEnterprise(stackStore(stack), {
      ...enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
      name: "北京朝阳示范加油站有限公司",
    });
    const admin = await signIn(stack, "admin@gas-station.demo");
    const created = await admin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers: { "idempotency-key": "card-web-source-1" },
    });
    const assessed = await admin.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent((created.body as RiskSource).id)}/assessments`,
      {
        body: { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } },
        headers: { "idempotency-key": "card-web-assess-1" },
      },
    );
    source = (assessed.body as { riskSource: RiskSource }).riskSource;
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1400, 1000));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const sourcePath = () => `/risk-sources/${encodeURIComponent(source.id)}`;

  it("previews the card on the source's page and offers the PDF for download", async () => {
    await signInDemoUser(page, stack.baseUrl, "admin@gas-station.demo", sourcePath());
    const panel = page.getByTestId("risk-card");
    await panel.getByText("安全风险告知卡").first().waitFor();
    const preview = page.getByTestId("risk-card-preview");
    await preview.waitFor();
    const src = (await preview.getAttribute("src")) ?? "";
    expect(src).toContain(`/cards/${encodeURIComponent(source.id)}`.replace(/%7E/g, "~"));
    const pdf = await fetch(src);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const download = (await page.getByTestId("risk-card-download").getAttribute("href")) ?? "";
    expect(decodeURIComponent(download)).toContain("attachment; filename*=UTF-8''");

    await page.getByTestId("risk-card-size").getByText("A5（岗位张贴）").click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="risk-card-preview"]')
          ?.getAttribute("src")
          ?.includes("-small.pdf") ?? false,
    );
    await page.screenshot({ path: join(ARTIFACTS, "risk-card-page.png"), fullPage: true });

    await page.getByText("English", { exact: true }).click();
    await panel.getByText("Risk notification card").first().waitFor();
    await page.getByText("Download PDF").waitFor();
    await page.getByText("中文", { exact: true }).click();
  });

  it("lets anyone open the QR page: public fields, no people and no phones", async () => {
    const token = await cardLinkToken(source.id, "valid");
    const visitor = await browser.newPage({ locale: "zh-CN" });
    await visitor.goto(`${stack.baseUrl}/p/${token}`);
    const shown = visitor.getByTestId("public-risk-source");
    await shown.waitFor();
    const text = (await shown.textContent()) ?? "";
    for (const expected of [
      "加油区（加油机）",
      "重大风险（红）",
      "北京朝阳示范加油站有限公司",
      "油气回收系统",
      "119",
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const personal of ["王五", "13700137000", "13900139000", "站长"]) {
      expect(text, personal).not.toContain(personal);
    }
    await visitor.screenshot({
      path: join(ARTIFACTS, "risk-card-public-page.png"),
      fullPage: true,
    });

    // Anyone may report a hidden danger from the page; it waits for the officials.
    const form = visitor.getByTestId("public-report-form");
    await form.getByLabel("隐患标题").fill("加油机旁地面油渍未清理");
    await form.getByLabel("隐患描述").fill("3 号加油机旁有大片油渍，顾客经过易滑倒。");
    await visitor.getByTestId("public-report-submit").click();
    await visitor.getByTestId("public-report-received").waitFor();

    const expired = await cardLinkToken(source.id, "expired");
    await visitor.goto(`${stack.baseUrl}/p/${expired}`);
    await visitor
      .getByTestId("public-risk-source-refused")
      .getByText("该二维码链接已过期", { exact: false })
      .waitFor();
    await visitor.close();
  });

  it("lets the Chaoyang official accept the public report as a hidden danger of the source", async () => {
    const context = await browser.newContext(pageOptions(1400, 1000));
    const official = await context.newPage();
    await signInDemoUser(official, stack.baseUrl, "official@chaoyang.demo", "/public-reports");
    const row = official
      .getByTestId("public-reports")
      .locator("tr", { hasText: "加油机旁地面油渍未清理" });
    await row.getByText("待审核").waitFor();
    await row.getByTestId("accept-report").click();
    // Accepted, it leaves the pending list and counts as the source's hidden danger.
    await row.waitFor({ state: "detached" });
    await official.goto(`${stack.baseUrl}/hidden-dangers`);
    await official.getByTestId("hidden-dangers").getByText("加油机旁地面油渍未清理").waitFor();
    await context.close();
  });

  it("lets the enterprise make the major source's plan with its document, record a drill and a resource", async () => {
    await page.goto(`${stack.baseUrl}${sourcePath()}`);
    const plan = page.getByTestId("emergency-plan");
    await plan.getByText("编制预案").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("预案名称").fill("加油区火灾专项应急预案");
    await dialog.getByLabel("发布日期").click();
    await page.keyboard.type("2026-03-01");
    await page.keyboard.press("Enter");
    await dialog.getByLabel("适用情景（每行一个）").fill("加油机火灾\n卸油泄漏");
    await dialog
      .getByLabel("主要处置措施")
      .fill("切断电源，使用灭火器初期扑救，疏散顾客，报警 119。");
    await dialog.getByLabel("现场指挥").fill("王站长");
    await dialog.getByLabel("电话").fill("13800138000");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await plan.getByText("加油区火灾专项应急预案").waitFor();
    await plan.getByText("加油机火灾、卸油泄漏").waitFor();
    await expect(plan.textContent()).resolves.toContain("朝阳区 建外街道");

    // The document goes to the bucket by presigned PUT and opens from it.
    const document = Buffer.from("%PDF-1.7 演示预案");
    await plan.locator("input[type=file]").setInputFiles({
      name: "专项预案.pdf",
      mimeType: "application/pdf",
      buffer: document,
    });
    // The button shows once the upload is stored; only then is the download timed.
    const open = plan.getByRole("button", { name: "查看预案文件" });
    await open.waitFor({ timeout: 60_000 });
    // Pressed with the keyboard: the button sits below the fold here, and in about one run in
    // seven on a loaded runner the pointer click that first scrolled it into view reached no
    // element at all (session 19 recorded no pointer event on the document and no fetch).
    await open.focus();
    const shown = await openedFromBucket(page, () => page.keyboard.press("Enter"));
    expect(shown.link.pathname).toContain("/local/s3/");
    expect(shown.status).toBe(200);
    expect(shown.body.equals(document)).toBe(true);

    const drills = page.getByTestId("drills");
    await drills.getByRole("button", { name: "记录演练" }).click();
    await dialog.getByLabel("演练日期").click();
    await page.keyboard.type("2026-10-20");
    await page.keyboard.press("Enter");
    await dialog.getByLabel("演练情景").fill("卸油时油气泄漏着火");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await drills.getByText("卸油时油气泄漏着火").waitFor();

    await page.goto(`${stack.baseUrl}/emergency-resources`);
    await page.getByTestId("resource-add").click();
    await dialog.getByLabel("类别").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByText("应急物资", { exact: true })
      .click();
    await dialog.getByLabel("名称").fill("干粉灭火器");
    await dialog.getByLabel("数量").fill("12");
    await dialog.getByLabel("单位").fill("具");
    await dialog.getByLabel("经度（WGS-84）").fill("116.47");
    await dialog.getByLabel("纬度（WGS-84）").fill("39.91");
    await dialog.getByLabel("联系人").fill("王站长");
    await dialog.getByLabel("电话").fill("13800138000");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByTestId("resource-table").getByText("干粉灭火器").waitFor();
  });
});
