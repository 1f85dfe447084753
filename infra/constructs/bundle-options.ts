/**
 * esbuild options every Lambda bundle is built with, read by the CDK construct and by the
 * `bundles` benchmark so that what is measured is what ships.
 */
/** ESM bundles still contain CommonJS dependencies that call `require` (toolchain.md). */
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export const LAMBDA_BUNDLE = {
  target: "node22",
  mainFields: ["module", "main"],
  minify: true,
  // The Lambda runtime ships the v3 SDK; bundling it would add ~500 KiB per function.
  external: ["@aws-sdk/*"],
  banner: ESM_REQUIRE_SHIM,
  /**
   * Packages replaced in bundles, by a module from the repository root: fontkit (pdfkit's font
   * engine) decodes WOFF2 with the `brotli` package's 475 KiB JS decoder; Node's zlib does it.
   */
  alias: { brotli: "functions/cards/brotli-shim" },
} as const;

/** The aliases with absolute paths, as esbuild wants them from any working directory. */
export function bundleAliases(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(LAMBDA_BUNDLE.alias).map(([name, path]) => [name, `${root}/${path}`]),
  );
}
