import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { manifest } from "../../functions/manifest.ts";
import { bundleAliases, LAMBDA_BUNDLE } from "../../infra/constructs/bundle-options.ts";
import type { BenchResult } from "../run.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Inside the repository so `@aws-sdk/*` (external, as on Lambda) resolves from node_modules.
const out = join(root, ".bench-tmp", "bundles");
const RUNS = 5;
const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(out, name, "index.mjs");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: LAMBDA_BUNDLE.target,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    minify: LAMBDA_BUNDLE.minify,
    external: [...LAMBDA_BUNDLE.external],
    banner: { js: LAMBDA_BUNDLE.banner },
    alias: bundleAliases(root.replace(/\/$/, "")),
    logLevel: "error",
  });
  return outfile;
}

/** Median of fresh `node` processes, each timing only the import of the bundle. */
function coldImportMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times = Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        encoding: "utf8",
        env: { ...process.env, AWS_REGION: "us-east-1" },
      }).trim(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

/** `bundles` of benchmarks.md: each function's bundle size and cold import time against a floor bundle. */
export async function bundles(): Promise<BenchResult> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const floorEntry = join(out, "floor-entry.mjs");
  writeFileSync(
    floorEntry,
    'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const client = new DynamoDBClient({});\nexport const handler = async () => ({ statusCode: 200 });\n',
  );
  const floorFile = await bundle(floorEntry, "floor");
  const floorMs = coldImportMs(floorFile);
  console.log(
    `floor (DynamoDB client + empty handler): ${(statSync(floorFile).size / 1024).toFixed(1)} KiB, import ${floorMs.toFixed(1)} ms`,
  );
  const figures: Record<string, string> = { floor: `${floorMs.toFixed(1)} ms` };
  let worstRatio = 0;
  let largest = 0;
  for (const fn of manifest) {
    const file = await bundle(join(root, fn.handler), fn.id);
    const size = statSync(file).size;
    const ms = coldImportMs(file);
    const ratio = ms / floorMs;
    worstRatio = Math.max(worstRatio, ratio);
    largest = Math.max(largest, size);
    console.log(
      `${fn.id}: ${(size / 1024).toFixed(1)} KiB, import ${ms.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    figures[fn.id] = `${(size / 1024).toFixed(0)} KiB, ${ms.toFixed(1)} ms, ×${ratio.toFixed(2)}`;
  }
  rmSync(join(root, ".bench-tmp"), { recursive: true, force: true });
  const verdict =
    worstRatio <= 1.5 && largest <= MAX_BUNDLE_BYTES
      ? "meets target"
      : "MISSES target (≤1.5, ≤1.5 MB)";
  return {
    figures,
    headline: `bundles: worst import-time ratio ${worstRatio.toFixed(2)} vs floor, largest bundle ${(largest / 1024).toFixed(0)} KiB — ${verdict}`,
  };
}
