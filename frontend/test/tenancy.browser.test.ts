import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CapturedMail } from "../../infra/local/emulators/mail-capture.ts";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { riskSourceInput } from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { freshUscc } from "../../test/support/tenancy-fixtures.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { waitFor } from "../../test/support/wait-for.ts";
import {
  button,
  isProviderSignInPage,
  launchChromium,
  pageOptions,
  signInAs,
  signOut,
} from "./browser-support.ts";

// Sign-up → approval → invitation → first sign-in, through the built web app on the started
// local stack in Debian's Chromium. Needs `npm run build:frontend` and /usr/bin/chromium.
describe("tenancy pages", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const enterpriseName = `北京浏览器测试加油站${Date.now().toString(36)}有限公司`;
  const adminEmail = `admin-${Date.now().toString(36)}@browser-station.test`;
  let invitationLink: string;

  beforeAll(async () => {
    running = await startTestStack("tenancy-browser", { autoApproveSignups: false });
    stack = running.stack;
    await seedDemoTenants(stackStore(stack), new Date());
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1280, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function pick(selectId: string, search: string): Promise<void> {
    await page.locator(selectId).fill(search);
    await page.locator(selectId).press("Enter");
  }

  it("links the sign-in page to the public sign-up form", async () => {
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByTestId("sign-up-link").click();

    await page.waitForURL("**/sign-up");
    await page.getByText("企业注册", { exact: true }).first().waitFor();
  });

  it("checks the credit code in the browser with the shared schema before sending", async () => {
    await page.locator("#sign-up_uscc").fill("91110105MA01ABCD30");
    await page.locator("#sign-up_name").click();

    await page.getByText("统一社会信用代码无效（GB 32100-2015 校验失败）").waitFor();
  });

  it("signs an enterprise up from the form, choosing district and industry from the catalogs", async () => {
    await page.locator("#sign-up_name").fill(enterpriseName);
    await page.locator("#sign-up_uscc").fill(freshUscc("110105"));
    await pick("#sign-up_district", "朝阳");
    await page.locator("#sign-up_street").fill("酒仙桥街道");
    await pick("#sign-up_industry", "燃气");
    await page.locator("#sign-up_address").fill("北京市朝阳区酒仙桥路 20 号");
    expect(Number(await page.locator("#sign-up_lon").inputValue())).toBe(116.486);
    await page.locator("#sign-up_principal_name").fill("吴昊");
    await page.locator("#sign-up_principal_phone").fill("13911112222");
    await page.locator("#sign-up_safetyContact_name").fill("郑洁");
    await page.locator("#sign-up_safetyContact_phone").fill("010-64351234");
    await page.locator("#sign-up_admin_name").fill("吴昊");
    await page.locator("#sign-up_admin_email").fill(adminEmail);
    await page.getByTestId("sign-up-submit").click();

    const done = page.getByTestId("sign-up-done");
    await done.getByText("注册申请已提交").waitFor();
    await expect(done.textContent()).resolves.toContain(adminEmail);
  });

  it("lets the Chaoyang official approve it from the approval queue", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo");
    await page.waitForURL((url) => url.pathname === "/");
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/approvals`);
    await page.waitForURL("**/approvals");

    const row = page.locator("tr", { hasText: enterpriseName });
    await row.getByRole("button", { name: button("通过") }).click();
    await page.getByTestId("decision-comment").fill("材料齐全，同意注册");
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: button("通过") })
      .click();

    await page.getByText("已通过，邀请邮件已发送").waitFor();
    await row.waitFor({ state: "detached" });
  });

  it("e-mails the admin an invitation link, readable in the local mail capture", async () => {
    // `/local/mail` answers only the local admin secret (or a signed-in city admin of the web app).
    const headers = { authorization: `Bearer ${stack.adminSecret}` };
    const mail = await waitFor(
      async () => {
        const res = await fetch(`${stack.baseUrl}/local/mail`, { headers });
        const list = (await res.json()) as CapturedMail[];
        return list.find((m) => m.to.includes(adminEmail));
      },
      { timeoutMs: 150_000, description: "the invitation mail (through the outbox)" },
    );
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link?.startsWith(stack.baseUrl)).toBe(true);
    invitationLink = link ?? "";
    expect(mail.subject).toContain(enterpriseName);
  });

  it("accepts the invitation with a new password and signs the admin in", async () => {
    await signOut(page);

    await page.goto(invitationLink);
    const card = page.getByTestId("invitation");
    await card.getByText(`您被邀请以“企业管理员”身份加入“${enterpriseName}”`).waitFor();
    await page.locator("#invitation_password").fill("browser-pass-2026");
    await page.locator("#invitation_confirm").fill("browser-pass-2026");
    await page.getByTestId("invitation-accept").click();
    // The provider's sign-in page, the invitee's e-mail filled in: the new password signs in.
    await page.waitForURL(isProviderSignInPage);
    await expect(page.locator("#email").inputValue()).resolves.toBe(adminEmail);
    await page.locator("#password").fill("browser-pass-2026");
    await page.locator("#password").press("Enter");

    await page.waitForURL((url) => url.pathname === "/");
    const profile = page.getByTestId("profile");
    await profile.getByText("企业管理员").waitFor();
    await expect(profile.textContent()).resolves.toContain("朝阳区 · 燃气");
    await expect(profile.textContent()).resolves.toContain(adminEmail);
  });

  it("shows the new admin their users and an empty delegation list, in English too", async () => {
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/users`);
    await page.locator(`[data-email="${adminEmail}"]`).getByText("正常").waitFor();

    await page.getByText("English", { exact: true }).click();
    // Grouped into a submenu: opened by its address.
    await page.goto(`${stack.baseUrl}/delegations`);
    await page.getByText("No delegations").waitFor();
    await page.screenshot({ path: join(tmpdir(), "cityrisk-tenancy-delegations-en.png") });
    await page.goto(`${stack.baseUrl}/sign-up`);
    await page.getByText("Enterprise sign-up").first().waitFor();
  });

  it("lets the new admin invite a colleague and disable them", async () => {
    const staffEmail = `staff-${Date.now().toString(36)}@browser-station.test`;
    await page.goto(`${stack.baseUrl}/users`);
    await page.getByTestId("invite").click();
    await page.locator("#invite_email").fill(staffEmail);
    await page.locator("#invite_name").fill("冯雪");
    await page.locator(".ant-modal").getByRole("button", { name: "Invite user" }).click();

    const row = page.locator(`[data-email="${staffEmail}"]`);
    await row.getByText("Invited").waitFor();
    await expect(row.textContent()).resolves.toContain("Enterprise staff");
    await page.getByTestId(`toggle-${staffEmail}`).click();
    await row.getByText("Disabled", { exact: true }).waitFor();
  });

  it("shows a failed list load with the problem's title, its field messages and a retry", async () => {
    let failing = true;
    await page.route("**/api/v1/users*", (route) =>
      failing
        ? route.fulfill({
            status: 500,
            contentType: "application/problem+json",
            body: JSON.stringify({
              type: "https://cityrisk.dev/problems/platform.unavailable",
              title: "The user directory did not answer",
              status: 500,
              code: "platform.unavailable",
              errors: [
                {
                  path: "query.cursor",
                  code: "cursor.stale",
                  message: { zh: "分页游标已失效", en: "the page cursor is stale" },
                },
              ],
            }),
          })
        : route.fallback(),
    );
    await page.goto(`${stack.baseUrl}/users`);

    const failure = page.getByTestId("load-error");
    await failure.getByText("The user directory did not answer", { exact: false }).waitFor();
    await expect(failure.textContent()).resolves.toContain(
      "query.cursor: the page cursor is stale",
    );
    expect(await page.getByTestId("users").count()).toBe(0);
    await page.getByText("中文", { exact: true }).click();
    await failure.getByText("分页游标已失效", { exact: false }).waitFor();
    await page.getByText("English", { exact: true }).click();
    await failure.getByText("the page cursor is stale", { exact: false }).waitFor();

    failing = false;
    await failure.getByTestId("load-error-retry").click();
    await page.getByTestId("users").getByText("Active").first().waitFor();
    expect(await page.getByTestId("load-error").count()).toBe(0);
    await page.unroute("**/api/v1/users*");
  });

  it("shows the 403 page, with the way home, where the role may not go or the server refuses", async () => {
    await page.goto(`${stack.baseUrl}/approvals`);
    const forbidden = page.getByTestId("forbidden");
    await forbidden
      .getByText("cannot open this page; it is for: Street/town official", { exact: false })
      .waitFor();
    expect(await page.getByTestId("approvals").count()).toBe(0);
    await forbidden.getByRole("button", { name: "Back to home" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page.route("**/api/v1/me", (route) =>
      route.fulfill({
        status: 403,
        contentType: "application/problem+json",
        body: JSON.stringify({ title: "This account is suspended", status: 403 }),
      }),
    );
    await page.goto(`${stack.baseUrl}/users`);
    await forbidden.getByText("This account is suspended").waitFor();
    await page.unroute("**/api/v1/me");
  });

  it("lets the gas station delegate a risk source to the agency, then revoke it", async () => {
    const gasAdmin = await signIn(stack, "admin@gas-station.demo");
    const created = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(
        { district: "110105", street: "建外街道", industry: "gas" },
        "卸油区（浏览器测试）",
      ),
    });
    expect(created.status).toBe(201);
    await signOut(page);
    await signInAs(page, stack.baseUrl, "admin@gas-station.demo");

    await page.goto(`${stack.baseUrl}/delegations`);
    await page.getByTestId("grant").click();
    await pick("#grant_agencyTenantId", "安平");
    await pick("#grant_riskSourceIds", "卸油区");
    await page.locator(".ant-modal").getByRole("button", { name: "New delegation" }).click();

    const row = page.locator("tr", { hasText: "北京安平示范安全评价有限公司" });
    await row.getByText("Active").waitFor();
    await expect(row.textContent()).resolves.toContain("1 risk sources");
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Revoke" }).click();
    await row.getByText("Revoked").waitFor();
  });

  it("refuses a used invitation link", async () => {
    await page.goto(invitationLink);
    await page.getByText("The invitation is invalid, used or expired").waitFor();
  });
});
