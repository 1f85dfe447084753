import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, never a downloaded browser (toolchain.md); flags for a headless container. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * Every test page: Chinese, the given viewport, and reduced motion, which the app honours (no
 * dialog, menu or chart animation for a test to wait out or click into). It is a context option:
 * Playwright's media emulation overrides Chromium's `--force-prefers-reduced-motion` flag.
 */
export const pageOptions = (width: number, height: number) =>
  ({
    locale: "zh-CN",
    reducedMotion: "reduce",
    viewport: { width, height },
  }) as const;

/** antd puts a space between the two characters of a two-character Chinese button label. */
export const button = (label: string) => new RegExp(`^${[...label].join("\\s?")}$`);

/** The local OpenID provider's sign-in page (`/oidc/interaction/<uid>`). */
export const isProviderSignInPage = (url: URL) => url.pathname.startsWith("/oidc/interaction/");

/** Where the app is again after the provider: not the provider's pages, not the callback. */
const isBackInApp = (url: URL) =>
  !/^\/(oidc|oauth2)\//.test(url.pathname) && url.pathname !== "/auth/callback";

/**
 * Signs a demo user in as a person does: opens `path` (a protected page), is sent to the
 * provider's sign-in page, clicks the demo user's button, and is back on `path`.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  email: string,
  path = "/",
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(isProviderSignInPage);
  await page.locator(`[data-email="${email}"]`).click();
  await page.waitForURL(isBackInApp);
}

/**
 * Signs out as a person does (the user menu's sign-out) and waits for `/sign-in`, where the
 * provider's logout returns. A sign-out that stops short names the pages it went through.
 */
export async function signOut(page: Page): Promise<void> {
  const visited: string[] = [];
  const record = (frame: { url(): string }) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  };
  page.on("framenavigated", record);
  try {
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
  } catch (error) {
    throw new Error(
      `sign-out stopped at ${new URL(page.url()).pathname} after [${visited.join(" → ")}]`,
      { cause: error },
    );
  } finally {
    page.off("framenavigated", record);
  }
}

/**
 * Clicks what opens a presigned S3 link in a new tab and answers the link and what it serves,
 * fetched here. The tab's own response is not what is awaited: a link served as an attachment
 * turns the tab's navigation into a download, and Playwright reports that navigation's response
 * only some of the time (three CI runs timed out waiting for it). The request always shows.
 */
export async function openedFromBucket(
  page: Page,
  open: () => Promise<void>,
): Promise<{ link: URL; status: number; body: Buffer }> {
  const [request] = await Promise.all([
    page
      .context()
      .waitForEvent("request", (r) => r.method() === "GET" && r.url().includes("X-Amz-Signature")),
    open(),
  ]);
  const link = new URL(request.url());
  const served = await fetch(link);
  return { link, status: served.status, body: Buffer.from(await served.arrayBuffer()) };
}
