import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskSourceItem } from "../../functions/registry/risk-source-item.ts";
import { warningItem } from "../../functions/warnings/warning-item.ts";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { Trends } from "../../shared/stats/trends.ts";
import { DEFAULT_RULE_SET } from "../../shared/warnings/rules.ts";
import { raiseWarning } from "../../shared/warnings/warning.ts";
import { riskSourceInput, storedRiskSource } from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { waitFor } from "../../test/support/wait-for.ts";
import { launchChromium, pageOptions, signInAs } from "./browser-support.ts";

// Issue 13: the main pages pass axe (WCAG 2 A/AA) and fit a 768 px tablet without sideways
// scrolling. One signed-in context per person; pages opened by address. Needs the built app.
const OFFICIAL_PAGES = ["/", "/map", "/risk-sources", "/reviews", "/warnings", "/enterprises"];
const ENTERPRISE_PAGES = ["/", "/risk-sources", "/warnings"];
/** What shows a page is drawn, not still loading. */
const settled = (page: Page) =>
  page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton, [aria-busy="true"]'),
    null,
    {
      timeout: 15_000,
    },
  );

describe("accessibility and tablet width of the main pages", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestStack("accessibility-web");
    stack = running.stack;
    await seedDemoTenants(stackStore(stack), new Date());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  /** One signed-in page per person, reused by the tests below (each sign-in costs page loads). */
  const signedIn = new Map<string, Promise<Page>>();
  function as(email: string): Promise<Page> {
    let page = signedIn.get(email);
    if (!page) {
      page = (async () => {
        const context = await browser.newContext(pageOptions(1280, 900));
        const opened = await context.newPage();
        await signInAs(opened, stack.baseUrl, email, "/");
        return opened;
      })();
      signedIn.set(email, page);
    }
    return page;
  }

  /** axe's violations of a page as `rule: selectors`, so a failure says where to look. */
  async function violations(page: Page, path: string): Promise<string[]> {
    await open(page, path);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    return result.violations.map(
      (v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${stack.baseUrl}${path}`);
    await page.locator("main").waitFor();
    await settled(page);
  }

  /** Whether the page, drawn again at `width`, scrolls sideways; the viewport is put back. */
  async function overflowsAt(page: Page, width: number): Promise<boolean> {
    const before = page.viewportSize() ?? { width: 1280, height: 900 };
    await page.setViewportSize({ width, height: before.height });
    try {
      await settled(page);
      // Charts follow their container a frame or more later (ResizeObserver): a page overflows
      // only if it does not come to fit within two seconds.
      return await page
        .waitForFunction(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          null,
          { timeout: 2_000 },
        )
        .then(
          () => false,
          () => true,
        );
    } finally {
      await page.setViewportSize(before);
    }
  }

  // The official's pages are also drawn at a 768 px tablet width while they are open.
  it.each([
    ["official@chaoyang.demo", OFFICIAL_PAGES, true],
    ["admin@gas-station.demo", ENTERPRISE_PAGES, false],
  ] as const)(
    "%s: no axe violations on the main pages, none scrolling sideways on a tablet",
    async (email, paths, tablet) => {
      const page = await as(email);
      const found: string[] = [];
      const overflowing: string[] = [];
      for (const path of paths) {
        found.push(...(await violations(page, path)));
        if (tablet && (await overflowsAt(page, 768))) overflowing.push(path);
      }
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-CN");
      expect(found.join("\n")).toBe("");
      expect(overflowing).toEqual([]);
    },
  );

  it("the official's dashboard draws the trends, and its numbers open the list filtered the same way", async () => {
    const page = await as("official@chaoyang.demo");
    await open(page, "/");
    // The trends chart draws the last 30 days of the district, one line per level.
    const trends = page.locator('[data-testid="chart-trends"]:not([data-days="0"])');
    await trends.locator("canvas").waitFor();
    expect(Number(await trends.getAttribute("data-days"))).toBeGreaterThanOrEqual(30);
    await page.getByTestId("tile-level-major").click();
    await page.waitForURL((url) => url.pathname === "/risk-sources");
    expect(new URL(page.url()).searchParams.get("level")).toBe("major");
    await page.getByTestId("filter-level").getByText("重大风险").waitFor();
  });

  it("the official's balance ranks laggards by enterprises with current assessments, as the API does", async () => {
    const api = await signIn(stack, "official@chaoyang.demo");
    type Balance = { key: string; enterprises: { known: number; current: number } };
    // One district: the page ranks the district's industries. The demo enterprises fold a
    // moment after the seed.
    const first = await waitFor(
      async () => {
        const body = (await api.call("GET", "/api/v1/stats/coverage")).body as {
          balance: { industries: Balance[] };
        };
        const row = body.balance.industries[0];
        return row && row.enterprises.known > 0 && row;
      },
      { description: "the demo enterprises folded" },
    );
    const page = await as("official@chaoyang.demo");
    await page.goto(`${stack.baseUrl}/`);
    const laggard = page.getByTestId("balance").locator(".ant-list-item").first();
    await laggard
      .getByText(`评估在期企业 ${first.enterprises.current} / ${first.enterprises.known}`)
      .waitFor();

    // The coverage trend ends on today's stages, as the trends route counts them.
    const trends = (await api.call("GET", "/api/v1/stats/trends")).body as Trends;
    const today = trends.points.at(-1)?.enterprises;
    expect(today?.known).toBeGreaterThan(0);
    const chart = page.locator('[data-testid="chart-coverage-trends"]:not([data-days="0"])');
    await chart.locator("canvas").waitFor();
    expect(await chart.getAttribute("data-last")).toBe(
      [today?.known, today?.registered, today?.assessed, today?.current].join(","),
    );
    // From the laggard to its enterprises in the directory.
    await laggard.getByTestId("balance-enterprises").click();
    await page.waitForURL(
      (url) => url.pathname === "/enterprises" && url.searchParams.get("industry") === first.key,
    );
    await page.getByTestId("enterprises").locator(".ant-table-row").first().waitFor();
  });

  it("the official's to-do shows the exact counts the API gives: open warnings, sources past review", async () => {
    const store = stackStore(stack);
    const place = { district: "110105", street: "建外街道", industry: "gas" } as const;
    const past = new Date(Date.now() - 86_400_000);
    const source = storedRiskSource(riskSourceInput(place, "待办计数储罐"), "t-todo~r1", "t-todo", {
      currentLevel: "major",
      nextReviewAt: past.toISOString(),
    });
    await store.entities.riskSource.put(riskSourceItem(source)).go();
    const warning = raiseWarning(
      { rule: "assessed-major", kind: "raise", level: "major", at: past.toISOString(), detail: {} },
      {
        id: "t-todo~W1",
        tenantId: "t-todo",
        riskSourceId: source.id,
        riskSourceName: source.name,
        enterpriseName: "待办计数测试企业",
        place,
        rules: DEFAULT_RULE_SET,
        timing: DEFAULT_RULE_SET.escalation,
      },
      past,
    );
    await store.entities.warning.create(warningItem(warning)).go();
    const api = await signIn(stack, "official@chaoyang.demo");
    // The stream folds the warning into the statistics a moment later.
    const open = await waitFor(
      async () => {
        const summary = (await api.call("GET", "/api/v1/stats/summary")).body as {
          warnings: { open: Record<string, number> };
        };
        const n = Object.values(summary.warnings.open).reduce((a, b) => a + b, 0);
        return n > 0 && n;
      },
      { description: "the warning folded" },
    );
    const due = (
      await api.call(
        "GET",
        `/api/v1/risk-sources?reviewDueBefore=${encodeURIComponent(new Date().toISOString())}&limit=1`,
      )
    ).body as { total?: number };
    expect(due.total).toBeGreaterThan(0);

    const page = await as("official@chaoyang.demo");
    await page.goto(`${stack.baseUrl}/`);
    const value = async (testId: string) => {
      const tile = page.getByTestId(testId);
      // A tile shows a dash while its count loads (aria-busy); read it once it has its number.
      await tile.locator('[aria-busy="false"]').waitFor();
      return (await tile.locator(".ant-statistic-content").textContent())?.trim();
    };
    expect(await value("todo-warnings")).toBe(String(open));
    expect(await value("todo-sources-overdue")).toBe(String(due.total));
  });
});
