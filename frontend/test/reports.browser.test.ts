import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTogether } from "../../functions/platform/data/unit-of-work.ts";
import { riskSourceItem } from "../../functions/registry/risk-source-item.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
  storedRiskSource,
} from "../../test/support/registry-fixtures.ts";
import { stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { launchChromium, openedFromBucket, pageOptions, signInAs } from "./browser-support.ts";

// The officials' report downloads page through the local stack and Debian's Chromium: choose a
// report and format, watch the job finish, download the file by its presigned link.
// Needs `npm run build:frontend`.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;

describe("report downloads page", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestStack("reports-web");
    stack = running.stack;
    const store = stackStore(stack);
    await putEnterprise(store, {
      ...enterpriseFixture("t-web-gas", GAS, FIXTURE_USCC[0] as string),
      name: "北京朝阳报表页面测试加油站",
    });
    const source = storedRiskSource(
      riskSourceInput(GAS, "液化气储罐区"),
      "t-web-gas~r1",
      "t-web-gas",
      {
        currentLevel: "major",
        nextReviewAt: "2099-01-01T00:00:00.000Z",
      },
    );
    await writeTogether(store, [
      { action: (tx) => tx.riskSource.put(riskSourceItem(source)).commit() },
    ]);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1600, 1000));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("produces the major-risk list as CSV and downloads it, then shows the page in English", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/reports");
    await page.getByRole("heading", { name: "报表下载" }).waitFor();
    await page.getByText("CSV", { exact: true }).click();
    await page.getByRole("button", { name: "生成报表" }).click();
    const done = page.getByText("已完成").first();
    await done.waitFor({ timeout: 30_000 });
    // The page fetches a fresh presigned link and opens it; the file is what the link serves.
    // antd spaces two-character Chinese labels ("下 载"): found by test id instead.
    const { link, body } = await openedFromBucket(page, () =>
      page.locator('[data-testid^="report-download-"]').first().click(),
    );
    expect(decodeURIComponent(link.searchParams.get("response-content-disposition") ?? "")).toMatch(
      /attachment; filename\*=UTF-8''重大风险清单-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = body.toString("utf8");
    expect(text).toContain("北京朝阳报表页面测试加油站");
    expect(text).toContain("液化气储罐区");

    await page.getByText("English").first().click();
    await page.getByRole("heading", { name: "Report downloads" }).waitFor();
  });

  it("shows the city administrator a scheduled pass with its segments and counts, and the nightly reconciliation's result", async () => {
    const store = stackStore(stack);
    // Imported once the stack runs: the pass reads the configuration the stack set.
    const { runPass } = await import("../../functions/passes/pass-runner.ts");
    const { reviewDuePlan } = await import("../../functions/passes/review-due.ts");
    const now = new Date();
    const plan = reviewDuePlan(store, now);
    await runPass(store, plan, () => now);
    // The reconciliation as the schedule runs it: the orchestrator queues its segments through
    // the outbox and the passes topic, the pass worker runs them, the last one compares.
    await stack.fireSchedule("stats-reconcile");
    const admin = await browser.newPage(pageOptions(1400, 900));
    try {
      await signInAs(admin, stack.baseUrl, "admin@city.demo", "/passes");
      const rows = admin.getByTestId("passes").locator("tr.ant-table-row");
      const row = rows.filter({ hasText: "复评到期检查" }).first();
      await row.getByText("已完成").waitFor();
      // Every segment done: "n / n" beside the bar.
      const segments = plan.segments.length;
      expect(await row.textContent()).toContain(`${segments} / ${segments}`);
      // Its result (drift itself is the integration tests' business: here the fold of the pass
      // above may still be under way when the comparison runs).
      const reconciliation = rows.filter({ hasText: "统计对账" }).first();
      await reconciliation.getByText(/统计与登记一致|项统计偏差/).waitFor({ timeout: 60_000 });
      expect(await reconciliation.textContent()).toContain(`${segments} / ${segments}`);
    } finally {
      await admin.close();
    }
  });
});
