import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
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
  pageOptions,
  signInAs as signInDemoUser,
  signOut,
} from "./browser-support.ts";

// The registry pages end to end: the started local stack (gateway serving frontend/dist, the
// registry API, DynamoDB Local) driven through Debian's Chromium. Needs `npm run build:frontend`.
// A gas station is a hazardous-chemicals business, so the gas-station list applies to it.
const GAS_STATION = {
  district: "110105",
  street: "建外街道",
  industry: "hazardous-chemicals",
} as const;
const SOURCE_NAME = "进出站车辆（东入口）";

describe("risk registry pages", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let sourceId: string;

  beforeAll(async () => {
    running = await startTestStack("registry-web");
    stack = running.stack;
    await putEnterprise(stackStore(stack), {
      ...enterpriseFixture("t-gas-station-chaoyang", GAS_STATION, FIXTURE_USCC[0] as string),
      name: "北京朝阳示范加油站有限公司",
    });
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1400, 1000));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const signInAs = (email: string) => signInDemoUser(page, stack.baseUrl, email);

  async function pickOption(testId: string, text: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByText(text, { exact: true })
      .click();
  }

  async function pickFactor(letter: string, description: string): Promise<void> {
    await page
      .getByTestId(`factor-current-${letter}`)
      .getByText(description, { exact: true })
      .click();
  }

  const liveExplanation = () => page.getByTestId("live-grade-explanation");

  it("registers a source from the gas-station identification list, checked by the schema first", async () => {
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/v1/risk-sources")) posts.push(r.url());
    });
    await signInAs("admin@gas-station.demo");
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/risk-sources`);
    await page.getByTestId("register-risk-source").click();

    const list = page.locator('[data-list="gas-stations"]');
    await expect(list.textContent()).resolves.toContain("加油（加气）站风险源辨识建议清单");
    await list.getByTestId("use-item-gs-forecourt-traffic").click();

    const form = page.getByTestId("register-form");
    await expect(page.getByTestId("field-name").inputValue()).resolves.toBe("进出站车辆");
    await expect(page.getByTestId("field-place").inputValue()).resolves.toBe("站区道路");
    await expect(page.getByTestId("field-accident-types").textContent()).resolves.toContain(
      "车辆伤害",
    );
    await expect(page.getByTestId("controls-engineering").inputValue()).resolves.toContain(
      "限速及导向标志",
    );
    await expect(form.textContent()).resolves.toContain("朝阳区");
    await expect(form.getByLabel("属地（街道/乡镇）").inputValue()).resolves.toBe("建外街道");

    await page.getByTestId("field-name").fill("");
    await page.getByTestId("submit-risk-source").click();
    await form.getByText("此项必填").first().waitFor();
    expect(posts).toEqual([]);

    await page.getByTestId("field-name").fill(SOURCE_NAME);
    await page.getByTestId("field-responsible-post").fill("站长");
    await page.getByTestId("field-industry-department").fill("朝阳区城市管理委员会");
    await page.getByTestId("submit-risk-source").click();

    await page.getByTestId("risk-source-detail").waitFor();
    await expect(page.getByTestId("risk-source-name").textContent()).resolves.toBe(SOURCE_NAME);
    await expect(page.getByTestId("current-level").textContent()).resolves.toBe("未评级");
    await expect(page.getByTestId("risk-source-detail").textContent()).resolves.toContain(
      "加油（加气）站风险源辨识建议清单 · 站区道路 · 进出站车辆",
    );
    sourceId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    expect(sourceId.startsWith("t-gas-station-chaoyang~")).toBe(true);
    expect(posts).toHaveLength(1);
  });

  it("assesses it with LEC: every value with its Chinese description, a live grade, in both languages", async () => {
    await page.getByTestId("assess-risk-source").click();
    const consequence = page.getByTestId("factor-current-C");
    await expect(consequence.textContent()).resolves.toContain("大灾难，许多人死亡");
    await expect(consequence.textContent()).resolves.toContain("引人注目，需要救护");

    await pickFactor("L", "可能，但不经常");
    await pickFactor("E", "每天工作时间内暴露");
    await pickFactor("C", "非常严重，一人死亡");
    await page.getByTestId("live-grade").and(page.locator('[data-level="significant"]')).waitFor();
    await pickFactor("C", "严重，重伤");
    await page.getByTestId("live-grade").and(page.locator('[data-level="general"]')).waitFor();
    await expect(liveExplanation().textContent()).resolves.toBe(
      "D = L×E×C = 3×6×7 = 126，70 ≤ 126 ≤ 160，判定为一般风险（黄）",
    );
    await expect(page.getByTestId("live-grade").textContent()).resolves.toContain("一般风险");

    await page.getByText("English", { exact: true }).click();
    await liveExplanation()
      .getByText("D = L×E×C = 3×6×7 = 126, 70 ≤ 126 ≤ 160: graded General risk (yellow)")
      .waitFor();
    await expect(consequence.textContent()).resolves.toContain("Serious, severe injury");
    await page.getByText("中文", { exact: true }).click();
    await liveExplanation().getByText("判定为一般风险（黄）", { exact: false }).waitFor();

    await page.getByTestId("submit-assessment").click();
    await page.getByTestId("risk-source-detail").waitFor();
    // The detail page may show the cached source until its refetch after the submission lands.
    await page.getByTestId("current-level").filter({ hasText: "一般风险" }).waitFor();
    await expect(page.getByTestId("current-level").textContent()).resolves.toBe("一般风险");
    const history = page.getByTestId("assessment-history");
    await history.getByText("待审核").waitFor();
    await expect(history.textContent()).resolves.toContain("L=3 E=6 C=7");
  });

  it("lists it with its level, and the level filter goes to the URL", async () => {
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/risk-sources`);
    const row = page.getByTestId("risk-source-table").locator("tr", { hasText: SOURCE_NAME });
    await expect(row.locator("[data-level]").getAttribute("data-level")).resolves.toBe("general");

    await pickOption("filter-level", "重大风险");
    await page.waitForURL((url) => url.searchParams.get("level") === "major");
    await page
      .getByTestId("risk-source-table")
      .getByText("没有符合筛选条件的风险源", { exact: false })
      .waitFor();
    await pickOption("filter-level", "一般风险");
    await page.waitForURL((url) => url.searchParams.get("level") === "general");
    await page.getByTestId("risk-source-table").getByText(SOURCE_NAME).waitFor();
  });

  it("refuses an edit made from a stale copy with a clear message, then saves after reloading", async () => {
    await page.getByTestId("risk-source-table").getByText(SOURCE_NAME).click();
    await page.getByTestId("edit-risk-source").click();
    const api = await signIn(stack, "admin@gas-station.demo");
    const path = `/api/v1/risk-sources/${encodeURIComponent(sourceId)}`;
    const current = await api.call("GET", path);
    const changed = await api.call("PATCH", path, {
      body: { place: "站区东入口" },
      headers: { "if-match": current.headers.get("etag") ?? "" },
    });
    expect(changed.status).toBe(200);

    await page.getByTestId("field-place").fill("站区西入口");
    await page.getByTestId("save-risk-source").click();
    const conflict = page.getByTestId("edit-conflict");
    await expect(conflict.textContent()).resolves.toContain("该风险源已被他人修改");
    await conflict.getByRole("button").click();
    await page.getByTestId("field-place").and(page.locator('[value="站区东入口"]')).waitFor();

    await page.getByTestId("field-place").fill("站区西入口");
    await page.getByTestId("save-risk-source").click();
    await page.getByText("已保存").waitFor();
    const saved = await api.call("GET", path);
    expect((saved.body as RiskSource).place).toBe("站区西入口");
  });

  it("imports from the template: dry run with per-row errors, then only the valid row", async () => {
    await page.goto(`${stack.baseUrl}/risk-sources/import`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("template-csv").click(),
    ]);
    const template = await readFile(await download.path(), "utf8");
    const row = (cells: Record<string, string>) =>
      RISK_SOURCE_COLUMNS.map((c) => cells[c.key] ?? c.example).join(",");
    const valid = row({ name: "卸油口（导入）", industry: GAS_STATION.industry });
    const invalid = row({ name: "配电室（导入）", district: "999999", responsiblePhone: "12345" });
    const eol = template.includes("\r\n") ? "\r\n" : "\n";
    const csv = [template.trimEnd(), valid, invalid, ""].join(eol);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "sources.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

    await page.getByTestId("import-dry-run").click();
    const summary = page.getByTestId("import-summary");
    await expect(summary.textContent()).resolves.toContain("共 2 行，1 行可导入，1 行有错误");
    const errors = page.getByTestId("import-errors");
    await expect(errors.textContent()).resolves.toContain("district");
    await expect(errors.textContent()).resolves.toContain("responsiblePhone");

    await page.getByTestId("import-run").click();
    await page
      .locator('[data-testid="import-result"][data-dry-run="false"][data-status="done"]')
      .waitFor();
    await expect(summary.textContent()).resolves.toContain("已写入 1 行");
    await page.getByRole("link", { name: "查看风险源清单" }).click();
    await page.getByTestId("risk-source-table").getByText("卸油口（导入）").waitFor();
  });

  it("lets the Chaoyang official accept the assessment from the review queue", async () => {
    await signOut(page);
    await signInAs("official@chaoyang.demo");
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/reviews`);

    const row = page.getByTestId("review-table").locator("tr", { hasText: SOURCE_NAME });
    await row.getByText("北京朝阳示范加油站有限公司").waitFor();
    await expect(row.getByTestId("review-explanation").textContent()).resolves.toBe(
      "D = L×E×C = 3×6×7 = 126，70 ≤ 126 ≤ 160，判定为一般风险（黄）",
    );
    await row.getByTestId("review-return").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /退\s*回/ }).click();
    await dialog.getByText("退回时须填写审核意见").waitFor();
    await dialog.getByRole("button", { name: /取\s*消/ }).click();

    await row.getByTestId("review-accept").click();
    await dialog.getByRole("button", { name: /通\s*过/ }).click();
    // The toast says how the review ended — accepted, a conflict or an error — in words.
    const notice = page.locator(".ant-message-notice").last();
    await notice.waitFor({ state: "attached" });
    await expect(notice.textContent()).resolves.toContain("已通过");
    await row.waitFor({ state: "detached" });

    await page.goto(`${stack.baseUrl}/risk-sources/${encodeURIComponent(sourceId)}`);
    await page.getByTestId("last-assessment").getByText("已通过").waitFor();
    await page.getByText("English", { exact: true }).click();
    await page.getByTestId("last-assessment").getByText("Accepted").waitFor();
  });

  it("filters, searches, sorts, counts and batch-accepts the queue, all at the server", async () => {
    // Three more self-assessments, one per level, submitted in this order.
    const admin = await signIn(stack, "admin@gas-station.demo");
    const queued = [
      { name: "队列-储罐区", current: { L: 3, E: 10, C: 15 } }, // 450 → major
      { name: "队列-卸油口", current: { L: 3, E: 6, C: 15 } }, // 270 → significant
      { name: "队列-便利店", current: { L: 3, E: 6, C: 7 } }, // 126 → general
    ];
    for (const { name, current } of queued) {
      const made = await admin.call("POST", "/api/v1/risk-sources", {
        body: riskSourceInput(GAS_STATION, name),
      });
      const id = encodeURIComponent((made.body as RiskSource).id);
      const assessed = await admin.call("POST", `/api/v1/risk-sources/${id}/assessments`, {
        body: { profileId: "lec-default", current },
      });
      expect(assessed.status).toBe(201);
    }
    await page.goto(`${stack.baseUrl}/reviews`);
    const total = page.getByTestId("review-total");
    const names = async () =>
      (await page.getByTestId("review-table").locator("tbody tr").allTextContents()).map(
        (row) => queued.find((q) => row.includes(q.name))?.name,
      );
    await page.getByText("中文", { exact: true }).click();
    await total.getByText("共 3 条（已显示 3 条）").waitFor();
    await expect.poll(names).toEqual(["队列-便利店", "队列-卸油口", "队列-储罐区"]);

    await pickOption("review-filter-level", "重大风险");
    await total.getByText("共 1 条（已显示 1 条）").waitFor();
    expect(new URL(page.url()).searchParams.get("level")).toBe("major");
    await expect.poll(names).toEqual(["队列-储罐区"]);
    await page.getByRole("button", { name: "清除筛选" }).click();

    await page.getByTestId("review-search").locator("input").fill("卸油口");
    await page.getByTestId("review-search").locator("input").press("Enter");
    await total.getByText("共 1 条（已显示 1 条）").waitFor();
    await expect.poll(names).toEqual(["队列-卸油口"]);
    await page.getByRole("button", { name: "清除筛选" }).click();

    await pickOption("review-order", "最早提交在前");
    await page.waitForURL((url) => url.searchParams.get("order") === "oldest");
    await total.getByText("共 3 条（已显示 3 条）").waitFor();
    await expect.poll(names).toEqual(["队列-储罐区", "队列-卸油口", "队列-便利店"]);

    const rows = page.getByTestId("review-table").locator("tbody tr");
    await rows.nth(0).locator("input[type=checkbox]").check();
    await rows.nth(1).locator("input[type=checkbox]").check();
    await page.getByTestId("review-batch-accept").click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /通\s*过/ })
      .click();
    await page.getByText("已处理 2 项评估").waitFor();
    await total.getByText("共 1 条（已显示 1 条）").waitFor();
    await expect.poll(names).toEqual(["队列-便利店"]);
  });
});
