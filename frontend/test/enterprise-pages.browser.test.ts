import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDelegation } from "../../infra/local/seed/demo-delegation.ts";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { CAPABILITY_CHECKLISTS } from "../../shared/readiness/capability-checklists.ts";
import { riskSourceInput } from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { waitFor } from "../../test/support/wait-for.ts";
import { launchChromium, pageOptions, signInAs } from "./browser-support.ts";

// Issue 13 §4–6 end to end: the enterprise directory → detail → source, the audit trail viewer,
// the own organisation's page and the 403 page, on the seeded demo tenants. Navigates by URL,
// not by the header menu, so the menu's grouping may change. Needs `npm run build:frontend`.
const GAS_STATION = "北京朝阳示范加油站有限公司";
const PLACE = { district: "110105", street: "建外街道", industry: "gas" } as const;
const SOURCES = ["目录测试-储油罐区", "目录测试-卸油口"];

describe("enterprise directory, audit trail, own organisation, 403", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestStack("enterprise-pages-web");
    stack = running.stack;
    const store = stackStore(stack);
    await seedDemoTenants(store, new Date());
    const gasAdmin = await signIn(stack, "admin@gas-station.demo");
    for (const [index, name] of SOURCES.entries()) {
      const res = await gasAdmin.call("POST", "/api/v1/risk-sources", {
        body: riskSourceInput(PLACE, name),
        headers: { "Idempotency-Key": `directory-${index}` },
      });
      expect(res.status).toBe(201);
    }
    await seedDemoDelegation(store, new Date());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  /** A fresh browser context per person: no sign-out round trip between them. */
  async function as(email: string, path: string): Promise<Page> {
    const context = await browser.newContext(pageOptions(1280, 900));
    const page = await context.newPage();
    await signInAs(page, stack.baseUrl, email, path);
    return page;
  }

  let official: Page;

  it("lists the district's enterprises in words and opens one with its sources", async () => {
    // The statistics fold counts the enterprise a moment after the seed: its sources are not
    // graded yet, so its coverage is "registered" (未评估).
    const api = await signIn(stack, "official@chaoyang.demo");
    await waitFor(
      async () => {
        const res = await api.call("GET", "/api/v1/enterprises/t-gas-station-chaoyang");
        return (res.body as { coverage?: unknown }).coverage !== undefined;
      },
      { description: "the enterprise's coverage folded" },
    );
    official = await as("official@chaoyang.demo", "/enterprises");
    const row = official.getByTestId("enterprises").locator("tr", { hasText: GAS_STATION });
    await expect(row.textContent()).resolves.toMatch(/朝阳区.*建外街道.*燃气/);
    await row.locator('[data-stage="registered"]').getByText("未评估").waitFor();
    await expect(official.getByTestId("enterprise-count").textContent()).resolves.toBe(
      "已显示 1 家",
    );

    // The stage filter lives in the address (the dashboard links to it) and asks the server.
    const listedAt = (stage: string) =>
      official.waitForResponse(
        (r) => r.url().includes("/api/v1/enterprises?") && r.url().includes(`stage=${stage}`),
      );
    const current = listedAt("current");
    await official.goto(`${stack.baseUrl}/enterprises?stage=current`);
    const none = (await (await current).json()) as { items: { name: string }[] };
    expect(none.items.map((e) => e.name)).not.toContain(GAS_STATION);
    const registered = listedAt("registered");
    await official.getByTestId("enterprise-filter-stage").click();
    await official.locator(".ant-select-item-option", { hasText: "未评估" }).click();
    await registered;
    expect(new URL(official.url()).searchParams.get("stage")).toBe("registered");
    await row.locator('[data-stage="registered"]').waitFor();

    await row.getByRole("link", { name: GAS_STATION }).click();
    await official.getByTestId("enterprise-name").getByText(GAS_STATION).waitFor();
    const profile = official.getByTestId("enterprise-profile");
    await expect(profile.textContent()).resolves.toContain("朝阳区 / 建外街道");
    await expect(profile.textContent()).resolves.toContain("91110105MA01ABCD39");
    const sources = official.getByTestId("risk-source-table");
    for (const name of SOURCES) await sources.getByText(name).waitFor();

    await sources.getByRole("link", { name: SOURCES[0] }).click();
    await official.waitForURL((url) => url.pathname.startsWith("/risk-sources/"));
  });

  it("shows the enterprise's audit trail with the official's reads and the seeded delegation", async () => {
    await official.goBack();
    await official.getByTestId("enterprise-audit-link").click();
    await official.waitForURL((url) => url.pathname === "/audit");
    await expect(official.getByTestId("audit-tenant").textContent()).resolves.toContain(
      GAS_STATION,
    );
    const records = official.getByTestId("audit-records");
    await records.getByText("企业 · 查看").first().waitFor();
    await records.getByText("评估委托 · 授予").waitFor();

    await official.getByTestId("audit-filter").locator("input").fill("delegation");
    await records.getByText("评估委托 · 授予").waitFor();
    expect(await records.getByText("企业 · 查看").count()).toBe(0);
    await official.getByTestId("audit-filter").locator("input").fill("");

    // The kind of record is the route's filter: the server answers only the enterprise's reads.
    await official.getByTestId("audit-kind").click();
    await official.locator(".ant-select-dropdown").getByText("企业", { exact: true }).click();
    await records.getByText("评估委托 · 授予").waitFor({ state: "detached" });
    await records.getByText("企业 · 查看").first().waitFor();
    await official.getByTestId("audit-kind").locator(".ant-select-clear").click();
    await records.getByText("评估委托 · 授予").waitFor();

    await official.getByText("English", { exact: true }).click();
    await records.getByText("Delegation · Grant").waitFor();
    await official.getByText("中文", { exact: true }).click();
  });

  it("shows the enterprise its own organisation by name, without a jurisdiction, and saves a change", async () => {
    const admin = await as("admin@gas-station.demo", "/");
    const profile = admin.getByTestId("profile");
    await profile.getByText(GAS_STATION).waitFor();
    expect(await profile.getByText("管辖范围").count()).toBe(0);
    expect(await profile.getByText("t-gas-station-chaoyang").count()).toBe(0);

    await profile.getByRole("link", { name: GAS_STATION }).click();
    await admin.waitForURL((url) => url.pathname === "/organisation");
    await expect(admin.getByTestId("organisation").textContent()).resolves.toContain("企业");
    expect(await admin.getByTestId("organisation").getByText("管辖范围").count()).toBe(0);
    const address = admin.locator("#organisation_address");
    await expect(address.inputValue()).resolves.toBe("北京市朝阳区建国门外大街甲 12 号");
    await address.fill("北京市朝阳区建国门外大街甲 12 号院 1 号楼");
    await admin.getByTestId("organisation-save").click();
    await admin.getByText("企业信息已保存").waitFor();

    const saved = (await (
      await signIn(stack, "admin@gas-station.demo")
    ).call("GET", "/api/v1/enterprise")) as { body: { address: string; version: number } };
    expect(saved.body).toMatchObject({
      address: "北京市朝阳区建国门外大街甲 12 号院 1 号楼",
      version: 2,
    });
  });

  it("keeps the organisation link where it is while the enterprise's dashboard loads", async () => {
    // The dashboard sits above the profile card; its numbers are held until the link is seen.
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const context = await browser.newContext(pageOptions(1280, 900));
    const admin = await context.newPage();
    await admin.route(/\/api\/v1\/(risk-sources|warnings)(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await signInAs(admin, stack.baseUrl, "admin@gas-station.demo", "/");
    const link = admin.getByTestId("profile").getByRole("link", { name: GAS_STATION });
    await link.waitFor();
    // The dashboard is drawn with the page, its numbers still to come.
    const busy = admin.getByTestId("enterprise-dashboard").locator('[aria-busy="true"]');
    expect(await busy.count()).toBeGreaterThan(0);
    const before = await link.boundingBox();

    answer();
    await expect.poll(() => busy.count()).toBe(0);
    expect(await link.boundingBox()).toEqual(before);
    await context.close();
  });

  it("shows a government body its name and jurisdiction in words", async () => {
    const page = await as("official@chaoyang.demo", "/organisation");
    const organisation = page.getByTestId("organisation");
    await organisation.getByText("朝阳区人民政府").waitFor();
    await expect(organisation.textContent()).resolves.toContain("政府部门");
    await expect(organisation.textContent()).resolves.toContain("管辖范围");
  });

  it("gives the assessor the seeded delegation and the 403 page with a reason and a way back", async () => {
    const assessor = await as("assessor@agency.demo", "/delegations");
    const delegations = assessor.getByTestId("delegations");
    await delegations.getByText(GAS_STATION).waitFor();
    await delegations.getByText("有效").waitFor();
    expect(await assessor.getByTestId("grant").count()).toBe(0);
    await assessor.goto(`${stack.baseUrl}/risk-sources`);
    await assessor
      .getByTestId("risk-source-table")
      .getByText(SOURCES[0] as string)
      .waitFor();

    await assessor.goto(`${stack.baseUrl}/enterprises`);
    const forbidden = assessor.getByTestId("forbidden");
    await forbidden.getByText("无权访问此页面").waitFor();
    await expect(assessor.getByTestId("forbidden-reason").textContent()).resolves.toBe(
      "您的角色（评估机构人员）无权打开此页面，此页面供以下角色使用：街道/乡镇监管人员、区级监管人员、行业部门监管人员、市级管理员。",
    );
    await forbidden.getByRole("button", { name: "返回首页" }).click();
    await assessor.waitForURL((url) => url.pathname === "/");
  });

  it("lets the enterprise assess its emergency capability, weakest dimension first, and its official read it", async () => {
    const admin = await as("admin@gas-station.demo", "/capability");
    await admin.getByTestId("capability-empty").waitFor();
    await admin.getByTestId("capability-start").click();
    await admin.locator("#assessor").fill("安全部 王工");
    const items = CAPABILITY_CHECKLISTS.at(-1)?.dimensions.flatMap((d) => d.items) ?? [];
    for (const item of items) {
      const answer = item.id === "support.team" ? "不符合" : "符合";
      await admin.getByTestId(`answer-${item.id}`).getByText(answer, { exact: true }).click();
    }
    await admin.getByTestId("capability-submit").click();
    await admin.getByText("评估已保存").waitFor();
    const result = admin.getByTestId("capability-result");
    await expect(
      result.locator("[data-testid^=dimension-]").first().textContent(),
    ).resolves.toMatch(/^应急保障50待改进: 应急队伍（专职、兼职或协议）$/);
    await admin.getByTestId("capability-history").getByText("安全部 王工").waitFor();

    await official.goto(`${stack.baseUrl}/enterprises`);
    await official.getByRole("link", { name: GAS_STATION }).click();
    await official.getByTestId("enterprise-capability-link").click();
    await official.getByTestId("capability-result").getByText("应急保障").waitFor();
    expect(await official.getByTestId("capability-start").count(), "officials read only").toBe(0);
  });
});
