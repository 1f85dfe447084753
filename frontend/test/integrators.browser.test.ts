import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { IntegratorClient } from "../../shared/tenancy/integrator-client.ts";
import type { Page as ListPage } from "../../shared/tenancy/views.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import {
  button,
  launchChromium,
  pageOptions,
  signInAs as signInDemoUser,
  signOut,
} from "./browser-support.ts";

// 对接系统: the city admin registers a district government's platform and disables it; an
// enterprise admin registers their own system and sees only it. The built web app on the started
// local stack in Debian's Chromium; needs `npm run build:frontend` and /usr/bin/chromium.
describe("integrators page", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const suffix = Date.now().toString(36);
  const cityName = `朝阳区应急指挥平台${suffix}`;
  const gasName = `加油站自有系统${suffix}`;
  let cityClientId: string;

  beforeAll(async () => {
    running = await startTestStack("integrators-browser", { autoApproveSignups: false });
    stack = running.stack;
    await seedDemoTenants(stackStore(stack), new Date());
    browser = await launchChromium();
    // Wide enough for the city admin's whole menu; narrower, antd folds the last items into "…".
    page = await browser.newPage(pageOptions(1680, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const signInAs = (email: string) => signInDemoUser(page, stack.baseUrl, email);

  async function pick(selectId: string, search: string): Promise<void> {
    await page.locator(selectId).fill(search);
    await page.locator(selectId).press("Enter");
  }

  async function codeOf(testId: string): Promise<string> {
    return ((await page.getByTestId(testId).locator("code").textContent()) ?? "").trim();
  }

  /** Reads the one-time secret modal, checks the credentials work, and closes it. */
  async function takeSecret(): Promise<{ clientId: string; text: string }> {
    const secret = page.getByTestId("integrator-secret");
    await secret.waitFor();
    const clientId = await codeOf("secret-client-id");
    const clientSecret = await codeOf("secret-client-secret");
    const tokenUrl = await codeOf("secret-token-url");
    const text = (await secret.textContent()) ?? "";
    expect(text).toContain("grant_type=client_credentials");
    const res = await fetch(new URL(tokenUrl, stack.baseUrl), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    });
    expect(res.status).toBe(200);
    await page.getByTestId("secret-close").click();
    await secret.waitFor({ state: "detached" });
    return { clientId, text };
  }

  it("lets the city admin register a platform for the Chaoyang government, shown once", async () => {
    await signInAs("admin@city.demo");
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/integrators`);
    await page.waitForURL("**/integrators");

    await page.getByTestId("register-integrator").click();
    await page.locator("#integrator_name").fill(cityName);
    await pick("#integrator_tenantId", "朝阳区人民政府");
    await page.locator("#integrator_jurisdiction").fill("d:110105");
    await page.locator(".ant-modal").getByRole("button", { name: "注册对接系统" }).click();

    await page.getByText("客户端密钥仅显示这一次").waitFor();
    await page.screenshot({ path: join(tmpdir(), "cityrisk-integrators-secret.png") });
    cityClientId = (await takeSecret()).clientId;

    const row = page.locator(`[data-client-id="${cityClientId}"]`);
    await row.getByText("正常").waitFor();
    await expect(row.textContent()).resolves.toContain(cityName);
    await expect(row.textContent()).resolves.toContain("朝阳区");
    await expect(row.textContent()).resolves.toContain("读取（read）");
    expect(await page.getByText("客户端密钥仅显示这一次").count()).toBe(0);
  });

  it("disables it after a confirmation", async () => {
    const row = page.locator(`[data-client-id="${cityClientId}"]`);
    await row.getByRole("button", { name: button("停用") }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: button("停用") })
      .click();

    await row.getByText("已停用", { exact: true }).waitFor();
    // By its text: while a reload is in flight the button may carry antd's loading icon, whose
    // label would join the accessible name.
    await row
      .getByRole("button")
      .filter({ hasText: /^启\s?用$/ })
      .waitFor();
  });

  it("renames it in place (If-Match behind the scenes)", async () => {
    const row = page.locator(`[data-client-id="${cityClientId}"]`);
    await row.getByRole("button", { name: "重命名" }).click();
    const input = row.locator("textarea");
    await input.fill("朝阳区风险监测平台（二期）");
    await input.press("Enter");
    await row.getByText("朝阳区风险监测平台（二期）").waitFor();
    await page.getByText("已重命名").waitFor();
  });

  it("lets the gas station's admin register their own system, without seeing the city's", async () => {
    await signOut(page);
    await signInAs("admin@gas-station.demo");
    await page.goto(`${stack.baseUrl}/integrators`);

    await page.getByTestId("register-integrator").click();
    await page.locator("#integrator_name").fill(gasName);
    expect(await page.locator("#integrator_tenantId").count()).toBe(0);
    await page.getByRole("checkbox", { name: "写入（write）" }).check();
    await page.locator(".ant-modal").getByRole("button", { name: "注册对接系统" }).click();
    const { clientId, text } = await takeSecret();
    expect(text).toContain("scope=cityrisk-api/read cityrisk-api/write");

    const row = page.locator(`[data-client-id="${clientId}"]`);
    await row.getByText("正常").waitFor();
    await expect(row.textContent()).resolves.toContain("本企业");
    await expect(row.textContent()).resolves.toContain("写入（write）");
    expect(await page.getByText(cityName).count()).toBe(0);
    const gasAdmin = await signIn(stack, "admin@gas-station.demo");
    const listed = await gasAdmin.call("GET", "/api/v1/integrators");
    const names = (listed.body as ListPage<IntegratorClient>).items.map((i) => i.name);
    expect(names).toContain(gasName);
    expect(names).not.toContain(cityName);
  });

  it("shows the page in English after the language toggle", async () => {
    await page.getByText("English", { exact: true }).click();
    // The seeded gas-station ERP and the one registered above: both its own enterprise.
    await page.getByText("Own enterprise").first().waitFor();
    await page.getByRole("button", { name: "Register integrator" }).waitFor();
    await page.screenshot({ path: join(tmpdir(), "cityrisk-integrators-en.png") });
  });
});
