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
import { launchChromium, signInAs as signInDemoUser } from "./browser-support.ts";

// The risk card on the source's page (preview and download) and the public page its QR code
// opens, through the local stack and Debian's Chromium. Needs `npm run build:frontend`.
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
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } });
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

    const expired = await cardLinkToken(source.id, "expired");
    await visitor.goto(`${stack.baseUrl}/p/${expired}`);
    await visitor
      .getByTestId("public-risk-source-refused")
      .getByText("该二维码链接已过期", { exact: false })
      .waitFor();
    await visitor.close();
  });
});
