import type { Plugin } from "vite";

/** oidc-client-ts' ES module, as the app and react-oidc-context import it. */
const LIBRARY = /[\\/]oidc-client-ts[\\/]dist[\\/]esm[\\/]oidc-client-ts\.js$/;

/**
 * The library's resource-owner password methods and where each ends (the next member), cut so
 * the built app carries no password-grant code at all: it signs in by authorization code only.
 */
const CUTS = [
  ["  async exchangeCredentials({", "  /**\n   * Exchange a refresh token."],
  ["  async processResourceOwnerPasswordCredentials({", "  async useRefreshToken({"],
  ["  async signinResourceOwnerCredentials({", "  /**\n   * Trigger a request (via a popup"],
] as const;

const REMOVED = `() {
    throw new Error("CityRisk signs in by authorization code with PKCE only");
  }
`;

/**
 * Removes oidc-client-ts' password grant from the bundle. Fails the build when the library's
 * text no longer matches, so an upgrade cannot bring the code back silently.
 */
export function stripPasswordGrant(): Plugin {
  return {
    name: "cityrisk-strip-password-grant",
    enforce: "pre",
    transform(code, id) {
      if (!LIBRARY.test(id)) return undefined;
      let out = code;
      for (const [start, next] of CUTS) {
        const from = out.indexOf(start);
        const to = from < 0 ? -1 : out.indexOf(next, from);
        if (from < 0 || to < 0) this.error(`oidc-client-ts changed: cannot find ${start.trim()}`);
        const name = start
          .trim()
          .replace(/^async /, "")
          .replace(/\(\{$/, "");
        out = `${out.slice(0, from)}  async ${name}${REMOVED}${out.slice(to)}`;
      }
      return { code: out, map: null };
    },
  };
}
