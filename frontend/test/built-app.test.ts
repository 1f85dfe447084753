import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist", import.meta.url));

function builtScripts(): { file: string; text: string }[] {
  const assets = join(dist, "assets");
  if (!existsSync(assets)) throw new Error("frontend/dist is missing: run npm run build:frontend");
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((file) => ({ file, text: readFileSync(join(assets, file), "utf8") }));
}

/** Every way a password grant shows in minified code: a form field, a default, a parameter. */
const PASSWORD_GRANT = [
  /grant_type=password/,
  /grant_type\s*:\s*(?:\w+\s*=\s*)?[`"']password[`"']/,
  /[`"']password[`"']\s*,\s*(?:username|client_id)/,
  /\/oauth2\/token/,
];

// The web app signs in by authorization code with PKCE on both targets; the resource-owner
// password grant is the local provider's, for scripts only (README). The build must not carry it.
describe("the built web app", () => {
  it("contains no password-grant code", () => {
    const found = builtScripts().flatMap(({ file, text }) =>
      PASSWORD_GRANT.filter((p) => p.test(text)).map((p) => `${file}: ${p}`),
    );
    expect(found).toEqual([]);
  });

  it("still contains the authorization code exchange with PKCE", () => {
    const all = builtScripts()
      .map((s) => s.text)
      .join("\n");
    expect(all).toMatch(/authorization_code/);
    expect(all).toMatch(/code_challenge/);
  });
});
