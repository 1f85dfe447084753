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
} as const;
