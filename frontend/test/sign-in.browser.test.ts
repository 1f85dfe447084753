import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/identity/demo-users.ts";
import type { startLocalStack } from "../../infra/local/start-stack.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import {
  isProviderSignInPage,
  launchChromium,
  pageOptions,
  signInAs,
  signOut,
} from "./browser-support.ts";

/** A deep link every demo role may open (REGISTRY_READERS), with a query to carry through. */
const DEEP_LINK = "/risk-sources?from=deep-link";

// OpenID Connect sign-in through the local provider's authorize page, as on AWS through
// Cognito's managed login: each demo user starts from a deep link, signs in on the provider's
// page and lands on that link; signing out ends the provider session too, so the next protected
// page asks again instead of signing the previous user back in.
describe("sign-in through the OpenID provider", () => {
  let running: TestStack | undefined;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    running = await startTestStack("sign-in");
    stack = running.stack;
    browser = await launchChromium();
  });

  // A context per user: one user's stalled sign-out must not leave the next one signed in.
  beforeEach(async () => {
    context = await browser.newContext(pageOptions(1280, 900));
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it.each(demoUsers.map((u) => [u.email]))(
    "signs %s in from a deep link, back on that link, and signs out",
    async (email) => {
      await page.goto(`${stack.baseUrl}${DEEP_LINK}`);
      await page.waitForURL(isProviderSignInPage);
      await page.locator(`[data-email="${email}"]`).click();

      await page.waitForURL((url) => url.pathname === "/risk-sources");
      expect(new URL(page.url()).searchParams.get("from")).toBe("deep-link");
      await expect(page.getByTestId("user-menu").textContent()).resolves.toContain(email);
      const idToken = await page.evaluate(() => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith("oidc.user:"));
        return key ? (JSON.parse(sessionStorage.getItem(key) ?? "{}").id_token as string) : "";
      });
      const me = await fetch(`${stack.baseUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${idToken}` },
      });
      expect(me.status).toBe(200);

      await signOut(page);
      await page.goto(`${stack.baseUrl}${DEEP_LINK}`);
      await page.waitForURL(isProviderSignInPage);
    },
  );

  // Under load /me answered while the menu was open; the role line it added pushed sign-out
  // down between Playwright's aim and its click, and the click hit the label above it.
  it("keeps sign-out where it is while /me is still loading", async () => {
    let answerMe = () => {};
    const meHeld = new Promise<void>((resolve) => {
      answerMe = resolve;
    });
    await page.route("**/api/v1/me", async (route) => {
      await meHeld;
      await route.continue();
    });
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", DEEP_LINK);
    await page.getByTestId("user-menu").click();
    const menu = page.locator(".ant-dropdown-menu");
    const shown = await menu.textContent();
    const before = await page.getByTestId("sign-out").boundingBox();

    answerMe();
    await expect.poll(() => menu.textContent()).not.toBe(shown);
    expect(await page.getByTestId("sign-out").boundingBox()).toEqual(before);
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
  });
});
