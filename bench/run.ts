import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { api } from "./scenarios/api.ts";
import { bundles } from "./scenarios/bundles.ts";
import { fanout } from "./scenarios/fanout.ts";
import { grading } from "./scenarios/grading.ts";
import { map } from "./scenarios/map.ts";
import { readings } from "./scenarios/readings.ts";
import { reevaluation } from "./scenarios/reevaluation.ts";
import { stats } from "./scenarios/stats.ts";

/** A benchmark prints as it goes and returns its result row; the last printed line is its headline. */
export interface BenchResult {
  headline: string;
  figures: Record<string, string>;
}

const scenarios: Record<string, () => Promise<BenchResult>> = {
  api,
  bundles,
  fanout,
  grading,
  map,
  readings,
  reevaluation,
  stats,
};

const name = process.argv[2];
const scenario = name ? scenarios[name] : undefined;
if (!scenario) {
  console.error(`usage: npm run bench -- <${Object.keys(scenarios).join("|")}>`);
  process.exit(2);
}
const result = await scenario();
const results = fileURLToPath(new URL("results.md", import.meta.url));
if (!existsSync(results)) {
  writeFileSync(
    results,
    "# Benchmark results\n\nAppended by `npm run bench -- <name>`; ratios are measured within one run (benchmarks.md).\n\n| date | benchmark | figures | headline |\n|---|---|---|---|\n",
  );
}
const figures = Object.entries(result.figures)
  .map(([k, v]) => `${k}: ${v}`)
  .join("<br>");
appendFileSync(
  results,
  `| ${new Date().toISOString().slice(0, 16)}Z | ${name} | ${figures} | ${result.headline} |\n`,
);
console.log(result.headline);
