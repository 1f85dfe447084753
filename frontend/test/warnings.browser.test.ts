import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { DEFAULT_PREFERENCES } from "../../shared/notifications/preferences.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import { matrixWarning } from "../../test/support/matrix-warning-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
} from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { putSource } from "../../test/support/warning-fixtures.ts";
import { zhCN } from "../src/i18n/resources/zh-cn.ts";
import { button, launchChromium, pageOptions, signInAs } from "./browser-support.ts";

// The officials' warnings inbox through the built web app on the local stack in Debian's
// Chromium: a red warning in Chaoyang is listed, acknowledged with a note (the timeline shows
// it, and the nearest emergency resources), and a new warning appears without a reload; the
// status filter, handling and resolving with notes, each step on the timeline; the unanswered
// warning's escalation (the sweep run at its deadline) on its timeline and, as the text message
// the local SMS channel "sent" the Chaoyang official, on the city admin's local SMS outbox page,
// reached from the menu; the official's notification preferences (red locked on) kept across a
// reload. Needs `npm run build:frontend`.
const zh = zhCN;
/** The Chaoyang official's demo mobile as the local outbox lists it (masked). */
const OFFICIAL_PHONE = "139****0002";

describe("warnings inbox", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let source: RiskSource;
  /** The second warning, never acknowledged: the escalation sweep climbs it. */
  let unanswered: Warning;

  /** Chooses an option of one of the inbox's filters (the open dropdown's, not a closed one's). */
  async function choose(filter: "level-filter" | "status-filter", label: string): Promise<void> {
    await page.getByTestId(filter).click();
    await page
      .locator(`.ant-select-item-option[title="${label}"]`)
      .filter({ visible: true })
      .click();
  }

  /** Filters the inbox by a status and waits for its one row, in that status. */
  async function onlyRowIn(status: keyof typeof zh.warnings.statuses): Promise<void> {
    const label = zh.warnings.statuses[status];
    await choose("status-filter", label);
    const rows = page.getByTestId("warnings").locator(".ant-table-row");
    await expect
      .poll(() => rows.allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining(label)]);
  }

  /** Opens a page of the header menu's group as a person does: hover the group, click the page. */
  async function openFromMenu(on: Page, group: string, label: string): Promise<void> {
    await on.locator(".ant-menu-submenu-title").filter({ hasText: group }).hover();
    await on
      .locator(".ant-menu-submenu-popup")
      .getByRole("menuitem", { name: label })
      .filter({ visible: true })
      .click();
  }

  beforeAll(async () => {
    running = await startTestStack("warnings-browser");
    stack = running.stack;
    const store = stackStore(stack);
    // The government tenants: the SMS channel finds the Chaoyang official by jurisdiction.
    await seedDemoTenants(store, new Date());
    const tenantId = "t-gas-station-chaoyang";
    await putEnterprise(
      store,
      enterpriseFixture(
        tenantId,
        { district: "110105", street: "建外街道", industry: "gas" },
        FIXTURE_USCC[0] as string,
      ),
    );
    source = await putSource(store, tenantId, `${tenantId}~BROWSERSOURCE1`);
    await matrixWarning(store, source);
    // A city shelter 0.5 km east of the source: the warning names it among the nearest resources.
    const official = await signIn(stack, "official@chaoyang.demo");
    const shelter = await official.call("POST", "/api/v1/emergency-resources", {
      body: {
        category: "shelter",
        name: "日坛公园应急避难场所",
        quantity: 1,
        unit: "处",
        location: { lon: source.location.lon + 0.5 / 85.3, lat: source.location.lat },
        contact: { name: "张队长", phone: "13912345678" },
        availability: "available",
        district: "110105",
        street: "建外街道",
      },
    });
    expect(shelter.status, JSON.stringify(shelter.body)).toBe(201);
    // Yellow warnings by text message too, for the preferences page to turn off.
    const chosen = await official.call("PUT", "/api/v1/me/notification-preferences", {
      body: {
        ...DEFAULT_PREFERENCES,
        channels: {
          ...DEFAULT_PREFERENCES.channels,
          general: { sms: true, email: true, inApp: true },
        },
      },
      headers: { "if-match": '"0"' },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1400, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("lists Chaoyang's red warning for its official, filtered by level", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/warnings");
    const table = page.getByTestId("warnings");
    await table.getByText("储罐区").first().waitFor();
    await table.getByText("待签收").first().waitFor();
    await page.getByTestId("level-filter").click();
    await page.getByTitle("低风险").click();
    await page.getByText("暂无预警").waitFor();
    await page.getByTestId("level-filter").click();
    await page.getByTitle("重大风险").click();
    await table.getByText("储罐区").first().waitFor();
  });

  it("acknowledges it with a note, and the timeline shows the step", async () => {
    const table = page.getByTestId("warnings");
    await table
      .getByRole("button", { name: button("签收") })
      .first()
      .click();
    await page.getByLabel("处置说明").fill("已电话通知站长");
    await page
      .locator(".ant-modal-footer")
      .getByRole("button", { name: button("签收") })
      .click();
    await table.getByText("已签收").first().waitFor();
    await table.getByRole("button", { name: "储罐区" }).first().click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("已电话通知站长").waitFor();
    await drawer.getByText("企业及街道（乡镇）").first().waitFor();
    // The nearest emergency resources to the warning's source, by distance.
    const nearest = drawer.getByTestId("warning-nearest-resources");
    await nearest.getByText("日坛公园应急避难场所").waitFor();
    await nearest.getByText("0.50").waitFor();
    await page.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });
  });

  it("shows a new warning without a reload", async () => {
    await page.getByTestId("level-filter").click();
    await page.getByTitle("全部等级").click();
    const table = page.getByTestId("warnings");
    // The unfiltered list was cached while the warning was open: wait for its refetch.
    await table.getByText("已签收").first().waitFor();
    await table.getByText("待签收").first().waitFor({ state: "detached" });
    unanswered = await matrixWarning(stackStore(stack), source);
    // The inbox polls every 15 seconds.
    await table.getByText("待签收").first().waitFor({ timeout: 25_000 });
    // The in-app channel pops it up as well (its level's in-app preference is on), and the
    // pop-up opens it in the inbox, as the e-mail's link does.
    const alert = page
      .locator(".ant-notification-notice")
      .filter({ hasText: unanswered.riskSourceName });
    await alert.waitFor({ timeout: 25_000 });
    await alert.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("id")).toBe(unanswered.id);
    await page.getByText(zh.warnings.detail).first().waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => new URL(page.url()).searchParams.get("id")).toBeNull();
  });

  it("filters by status; handles and resolves the acknowledged warning with notes, each step on its timeline", async () => {
    const w = zh.warnings;
    const table = page.getByTestId("warnings");
    /** Takes the step on the listed warning with a note; it leaves the filtered list. */
    const take = async (action: "handle" | "resolve", note: string) => {
      await table.getByRole("button", { name: button(w[action]) }).click();
      await page.getByLabel(w.note).fill(note);
      await page
        .locator(".ant-modal-footer")
        .getByRole("button", { name: button(w[action]) })
        .click();
      await table.getByText(w.empty).waitFor();
    };

    await onlyRowIn("acknowledged");
    await take("handle", "已派员到场关阀处置");
    await onlyRowIn("handling");
    await take("resolve", "浓度已回落，隐患消除");
    await onlyRowIn("resolved");
    // Resolved: only closing (an official's) is left.
    await table.getByRole("button", { name: button(w.close) }).waitFor();
    await expect(table.getByRole("button", { name: button(w.handle) }).count()).resolves.toBe(0);

    await table.getByRole("button", { name: source.name }).click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("浓度已回落，隐患消除").waitFor();
    const steps = await drawer.getByTestId("timeline-entry").allTextContents();
    expect(steps).toHaveLength(4);
    const [raised, acknowledged, handling, resolved] = steps;
    expect(raised).toContain(w.events.raised);
    expect(acknowledged).toContain(w.events.acknowledged);
    expect(acknowledged).toContain("已电话通知站长");
    expect(handling).toContain(w.events.handling);
    expect(handling).toContain("已派员到场关阀处置");
    expect(resolved).toContain(w.events.resolved);
    expect(resolved).toContain("浓度已回落，隐患消除");
    await page.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });
  });

  it("shows the unanswered warning's escalation on its timeline once its deadline passed", async () => {
    const w = zh.warnings;
    // The sweep at the acknowledge deadline (red: 15 minutes): only the unanswered one is due.
    const { escalationSweep } = await import("../../functions/warnings/sweep.ts");
    const dueAt = unanswered.escalation.dueAt;
    expect(dueAt).not.toBeNull();
    expect(await escalationSweep(stackStore(stack), new Date(dueAt as string))).toEqual([
      unanswered.id,
    ]);

    const table = page.getByTestId("warnings");
    await onlyRowIn("open");
    await table.getByRole("button", { name: source.name }).click();
    const drawer = page.locator(".ant-drawer");
    const climb = drawer
      .getByTestId("timeline-entry")
      .filter({ hasText: `${w.events.escalated} ${w.steps.district}` });
    await climb.waitFor();
    await expect(drawer.getByTestId("timeline-entry").count()).resolves.toBe(2);
    await page.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });
  });

  it("keeps an official's notification preferences across a reload; red cannot be muted", async () => {
    const n = zh.notifications;
    const levels = zh.levels.names;
    await openFromMenu(page, zh.portal.navGroups.monitoring, zh.nav.notifications);
    await page.waitForURL((url) => url.pathname === "/notifications");
    await page.getByRole("heading", { name: n.title }).waitFor();
    const box = (level: keyof typeof levels, channel: "sms" | "email" | "inApp") =>
      page.getByRole("checkbox", { name: `${levels[level]} ${n[channel]}`, exact: true });
    const quiet = page.getByRole("switch", { name: n.quietHours });
    const start = page.getByRole("textbox", { name: n.start, exact: true });
    const end = page.getByRole("textbox", { name: n.end, exact: true });

    // Red: every channel on and locked — nothing to turn off.
    for (const channel of ["sms", "email", "inApp"] as const) {
      await expect(box("major", channel).isChecked()).resolves.toBe(true);
      await expect(box("major", channel).isDisabled()).resolves.toBe(true);
    }
    await expect(box("general", "sms").isChecked()).resolves.toBe(true);
    await box("general", "sms").uncheck();
    await expect(quiet.getAttribute("aria-checked")).resolves.toBe("true");
    await start.fill("23:30");
    await end.fill("06:30");
    await page.getByRole("button", { name: button(n.save) }).click();
    await page.getByText(n.saved).waitFor();

    await page.reload();
    await page.getByRole("heading", { name: n.title }).waitFor();
    await expect(start.inputValue()).resolves.toBe("23:30");
    await expect(end.inputValue()).resolves.toBe("06:30");
    await expect(quiet.getAttribute("aria-checked")).resolves.toBe("true");
    await expect(box("general", "sms").isChecked()).resolves.toBe(false);
    await expect(box("general", "email").isChecked()).resolves.toBe(true);
    await expect(box("major", "sms").isChecked()).resolves.toBe(true);
    await expect(box("major", "sms").isDisabled()).resolves.toBe(true);
  });

  it("lists the escalation's text message on the city admin's local SMS outbox, from the menu", async () => {
    const admin = await browser.newPage(pageOptions(1400, 900));
    try {
      await signInAs(admin, stack.baseUrl, "admin@city.demo", "/");
      await openFromMenu(admin, zh.portal.navGroups.monitoring, zh.nav.localSms);
      await admin.waitForURL((url) => url.pathname === "/local/sms-outbox");
      await admin.getByRole("heading", { name: zh.notifications.smsTitle }).waitFor();
      // The channel texts the official within seconds; the page polls every 5.
      const text = admin
        .locator(".ant-table-row")
        .filter({ hasText: OFFICIAL_PHONE })
        .filter({ hasText: `预警升级：矩阵测试企业「${source.name}」` });
      await text.first().waitFor({ timeout: 30_000 });
    } finally {
      await admin.close();
    }
  });
});
