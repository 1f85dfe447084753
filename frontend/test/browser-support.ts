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

/** antd puts a space between the two characters of a two-character Chinese button label. */
export const button = (label: string) => new RegExp(`^${[...label].join("\\s?")}$`);

/** Signs a demo user in from the sign-in page's list of demo accounts. */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator(`[data-email="${email}"]`).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}
