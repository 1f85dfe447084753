import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { ESM_REQUIRE_SHIM } from "../constructs/bundle-options.ts";
import { buildApp } from "./build-app.ts";

/**
 * The one test that really bundles (esbuild, no Docker): every product handler must build into
 * an ESM bundle with the require shim, the AWS SDK left to the runtime.
 */
describe("bundled synth of the product API stack", () => {
  const outdir = mkdtempSync(join(tmpdir(), "cityrisk-cdk-out-"));
  let assetDirs: string[] = [];
  beforeAll(() => {
    const built = buildApp({ manifest, schedules, messaging, bundling: true, outdir });
    built.app.synth();
    assetDirs = readdirSync(outdir)
      .filter((d) => d.startsWith("asset."))
      .map((d) => join(outdir, d))
      .filter((d) => existsSync(join(d, "index.mjs")));
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("produces one minified ESM bundle with a source map per function", () => {
    expect(assetDirs).toHaveLength(manifest.length);
    for (const dir of assetDirs) {
      const code = readFileSync(join(dir, "index.mjs"), "utf8");
      expect(code.startsWith(ESM_REQUIRE_SHIM)).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*as handler/);
      const map = JSON.parse(readFileSync(join(dir, "index.mjs.map"), "utf8")) as {
        sources: string[];
      };
      expect(map.sources.filter((s) => s.includes("node_modules/@aws-sdk/"))).toEqual([]);
    }
  });

  it("copies each function's declared assets beside its bundle (the card font)", () => {
    const withFonts = assetDirs.filter((dir) =>
      existsSync(join(dir, "fonts", "NotoSansCJKsc-card.woff2")),
    );
    expect(withFonts).toHaveLength(manifest.filter((d) => d.assets?.length).length);
    for (const dir of withFonts) {
      expect(existsSync(join(dir, "fonts", "OFL.txt"))).toBe(true);
      // fontkit's WOFF2 decoder is Node's zlib, not the 475 KiB `brotli` package.
      const map = JSON.parse(readFileSync(join(dir, "index.mjs.map"), "utf8")) as {
        sources: string[];
      };
      expect(map.sources.filter((s) => s.includes("node_modules/brotli/"))).toEqual([]);
    }
  });
});
