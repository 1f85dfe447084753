import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { startLocalStack } from "../../infra/local/start-stack.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { isProviderSignInPage, launchChromium, pageOptions, signOut } from "./browser-support.ts";

// End-to-end: the started local stack (gateway serving frontend/dist, identity provider, APIs)
// driven through a real Chromium. Needs `npm run build:frontend` and /usr/bin/chromium.
describe("web app shell", () => {
  let running: TestStack | undefined;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestStack("shell");
    stack = running.stack;
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1280, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("redirects a signed-out visitor to the provider's sign-in page, in Chinese, with the demo users", async () => {
    await page.goto(`${stack.baseUrl}/`);

    await page.waitForURL(isProviderSignInPage);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(page.getByTestId("brand").textContent()).resolves.toContain("城市安全风险云");
    const demoUsers = page.getByTestId("demo-users");
    await demoUsers.waitFor();
    await expect(
      demoUsers.locator("[data-email]").evaluateAll((cards) => cards.map((c) => c.dataset.email)),
    ).resolves.toEqual(
      expect.arrayContaining([
        "admin@city.demo",
        "official@chaoyang.demo",
        "official@haidian.demo",
        "official@gas.demo",
        "admin@gas-station.demo",
        "admin@mall.demo",
      ]),
    );
  });

  it("signs in from a demo card and shows tenant, role, jurisdiction and health", async () => {
    await page.locator('[data-email="admin@gas-station.demo"]').click();

    await page.waitForURL((url) => url.pathname === "/");
    const profile = page.getByTestId("profile");
    await profile.getByText("企业管理员").waitFor();
    await expect(profile.textContent()).resolves.toContain("朝阳区");
    // A check slower than 1 s on a loaded runner says 响应缓慢 until the card's next poll (15 s).
    const ok = { timeout: 60_000 } as const;
    await page.locator('[data-check="dynamodb"][data-status="ok"]').waitFor(ok);
    await page.locator('[data-check="s3"][data-status="ok"]').waitFor(ok);
    await expect(page.getByTestId("health").textContent()).resolves.toContain("正常");
    // Kept outside dataDir for a human look at CJK rendering after the run.
    await page.screenshot({ path: join(tmpdir(), "cityrisk-shell-home-zh.png"), fullPage: true });
  });

  it("tells a slow dependency from a failing one", async () => {
    const health = page.getByTestId("health");
    const answer = (status: number, checks: Record<string, string>) => ({
      status,
      contentType: "application/json",
      body: JSON.stringify({ status: "degraded", checks }),
    });
    await page.route("**/api/v1/health", (route) =>
      route.fulfill(answer(200, { dynamodb: "slow", s3: "ok" })),
    );
    await health.getByRole("button").click();
    await health.locator('[data-check="dynamodb"][data-status="slow"]').waitFor();
    await expect(health.textContent()).resolves.toContain("数据库 (DynamoDB): 响应缓慢");
    await expect(health.textContent()).resolves.toContain("总体: 降级");
    await page.unroute("**/api/v1/health");
    await page.route("**/api/v1/health", (route) =>
      route.fulfill(answer(503, { dynamodb: "error", s3: "ok" })),
    );
    await health.getByRole("button").click();
    await health.locator('[data-check="dynamodb"][data-status="error"]').waitFor();
    await expect(health.textContent()).resolves.toContain("数据库 (DynamoDB): 异常");
    await page.unroute("**/api/v1/health");
  });

  it("switches every text to English and keeps the choice across a reload", async () => {
    await page.getByText("English", { exact: true }).click();

    const profile = page.getByTestId("profile");
    await profile.getByText("Enterprise admin").waitFor();
    await expect(page.getByTestId("brand").textContent()).resolves.toContain("CityRisk");
    await expect(page.getByTestId("health").textContent()).resolves.toContain("Service health");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    await page.reload();
    await page.getByTestId("profile").getByText("Enterprise admin").waitFor();
  });

  it("signs out back to the sign-in page and guards the home page", async () => {
    await signOut(page);
    await page.getByTestId("sign-in").waitFor();
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForURL(isProviderSignInPage);
    await page.getByTestId("demo-users").waitFor();
  });

  it("rejects a wrong password with a message", async () => {
    await page.getByLabel("E-mail").fill("admin@mall.demo");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByText("Wrong e-mail or password").waitFor();
    expect(isProviderSignInPage(new URL(page.url()))).toBe(true);
  });
});
