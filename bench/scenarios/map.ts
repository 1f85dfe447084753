import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Page, Request } from "playwright-core";
import { launchChromium, signInAs } from "../../frontend/test/browser-support.ts";
import { storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { manifest } from "../../functions/manifest.ts";
import { resourceItem } from "../../functions/readiness/resource-item.ts";
import { freePort } from "../../infra/local/dynamodb-local/free-port.ts";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local/start-dynamodb-local.ts";
import type { EmulatorEndpoints } from "../../infra/local/emulators/shared-emulators.ts";
import { startAwsEmulators } from "../../infra/local/emulators/start-aws-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { seedDemoTenants } from "../../infra/local/seed/demo-tenants.ts";
import { seedDemoRegistry } from "../../infra/local/seed/seed-demo-registry.ts";
import { putInBatches } from "../../infra/local/seed/write-items.ts";
import { startLocalStack } from "../../infra/local/start-stack.ts";
import { DISTRICT_CODES } from "../../shared/catalogs/districts.ts";
import type { EmergencyResource } from "../../shared/readiness/resource.ts";
import type { BenchResult } from "../run.ts";

/**
 * `map` (benchmarks.md): the government map in headless Chromium (Debian's) for the Chaoyang
 * official, at 1,000 and at 100,000 risk sources with 5,000 emergency resources. The page is
 * measured as the official uses it: open `/map` (first full render: the district's points and
 * the status line that counts them), switch the resources layer on, filter by level, zoom with
 * the wheel; each interaction's longest frame is read from requestAnimationFrame in the page.
 * The registry is the demo seed's generator (about five sources per enterprise) written straight
 * to DynamoDB Local; the stream consumers are left out (the statistics fold is `stats`'s
 * benchmark), so the choropleth's counts are not what is measured here.
 */
const SIZES = [1_000, 100_000] as const;
const RESOURCES = 5_000;
const ROUNDS = 3;

const RESOURCE_CATEGORIES = ["equipment", "supplies", "teamFullTime", "expert"] as const;

function resources(count: number, at: string): EmergencyResource[] {
  return Array.from({ length: count }, (_, i) => {
    const district = DISTRICT_CODES[i % DISTRICT_CODES.length] ?? "110105";
    return {
      id: `t-bench-resources~R${String(i).padStart(6, "0")}`,
      tenantId: "t-bench-resources",
      owner: "city",
      ownerName: "基准测试",
      place: { district, street: "基准街道", industry: null },
      category: RESOURCE_CATEGORIES[i % RESOURCE_CATEGORIES.length] ?? "supplies",
      name: `应急物资点 ${i}`,
      kind: "",
      quantity: 1 + (i % 20),
      unit: "套",
      // Spread over the city's middle; the district is what the layer reads by.
      location: { lon: 116.2 + ((i * 37) % 400) / 1000, lat: 39.75 + ((i * 53) % 300) / 1000 },
      address: "",
      contact: { name: "值班室", phone: "13800138000" },
      availability: "available",
      notes: "",
      version: 1,
      createdAt: at,
      updatedAt: at,
    } as EmergencyResource;
  });
}

/** The longest frame (ms) while `act` runs and the page settles for `settleMs` after it. */
async function longestFrame(page: Page, act: () => Promise<void>, settleMs = 1_000) {
  // A string, not a function: tsx's esbuild would name the inner function with a helper the
  // page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    let last = performance.now();
    const tick = (t) => {
      window.frames_.push(t - last);
      last = t;
      if (!window.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = performance.now();
  await act();
  const acted = performance.now() - started;
  await page.waitForTimeout(settleMs);
  const frames = (await page.evaluate("window.stop_ = true, window.frames_")) as number[];
  return { acted, longest: Math.max(0, ...frames.slice(1)) };
}

interface Measured {
  firstRender: number;
  /** The points route's own time within the first render (request sent → response read). */
  pointsRoute: number;
  layerFrame: number;
  filterFrame: number;
  zoomFrame: number;
  points: string;
}

async function measureAt(sources: number, emulators: EmulatorEndpoints): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), `cityrisk-bench-map-${sources}-`));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    prefix: `bench-map-${sources}`,
    // One DynamoDB Local and one emulator for both sizes, a table each: the handlers' SDK
    // clients live as long as the process, as in a warm Lambda, and keep their first endpoint.
    emulators,
    // Read-only page: no stream consumers (their fold of 100,000 inserts is `stats`'s subject).
    manifest: manifest.filter((fn) => !fn.stream),
  });
  try {
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.dynamodb,
    });
    const store = storeFor(client, stack.tableName);
    const at = new Date();
    await seedDemoTenants(store, at);
    const seeded = await seedDemoRegistry({
      store,
      client,
      table: stack.tableName,
      enterprises: Math.max(1, Math.round(sources / 5)),
      concurrency: 8,
    });
    const written = seeded.seeded ? seeded.counts.riskSources : 0;
    await putInBatches(
      (batch) => store.entities.emergencyResource.put(batch).go(),
      resources(RESOURCES, at.toISOString()).map(resourceItem),
      8,
    );
    console.log(`  ${written} sources, ${RESOURCES} resources written`);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({
        locale: "zh-CN",
        viewport: { width: 1400, height: 900 },
      });
      await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/");
      const status = page.getByTestId("map-status");
      const renders: number[] = [];
      const routeTimes: number[] = [];
      const timeRoute = (request: Request) => {
        if (new URL(request.url()).pathname !== "/api/v1/map-points") return;
        routeTimes.push(request.timing().responseEnd);
      };
      page.on("requestfinished", timeRoute);
      let points = "";
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        await page.goto(`${stack.baseUrl}/map`);
        await page
          .waitForFunction(
            `/朝阳区：显示 [1-9]\\d* 个风险源/.test(document.querySelector('[data-testid="map-status"]')?.textContent ?? "") && document.querySelector('[data-testid="risk-map"] canvas') !== null`,
            null,
            { timeout: 60_000 },
          )
          .catch(async (error: unknown) => {
            await page.screenshot({ path: join(tmpdir(), "cityrisk-bench-map-failed.png") });
            throw new Error(
              `map did not draw at ${page.url()}; see cityrisk-bench-map-failed.png`,
              {
                cause: error,
              },
            );
          });
        renders.push(performance.now() - started);
        points = (await status.textContent()) ?? "";
      }
      page.off("requestfinished", timeRoute);
      const layer = await longestFrame(page, async () => {
        await page.getByTestId("map-resources").click();
        await page.waitForFunction(
          () =>
            (document.querySelector('[data-testid="map-status"]')?.textContent ?? "").includes(
              "应急资源",
            ),
          null,
          { timeout: 60_000 },
        );
      });
      const before = (await status.textContent()) ?? "";
      const filter = await longestFrame(page, async () => {
        await page.getByTestId("map-level").click();
        await page
          .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
          .getByText("重大风险", { exact: true })
          .click();
        await page.waitForFunction(
          (shown) =>
            (document.querySelector('[data-testid="map-status"]')?.textContent ?? "") !== shown,
          before,
          { timeout: 60_000 },
        );
      });
      const canvas = page.getByTestId("risk-map").locator("canvas").first();
      const box = await canvas.boundingBox();
      const zoom = await longestFrame(page, async () => {
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -240);
      });
      const median = (values: number[]) =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
      return {
        firstRender: median(renders),
        pointsRoute: median(routeTimes),
        layerFrame: layer.longest,
        filterFrame: filter.longest,
        zoomFrame: zoom.longest,
        points,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function map(): Promise<BenchResult> {
  if (!existsSync(join(process.cwd(), "frontend", "dist", "index.html"))) {
    throw new Error("map: build the web app first (npm run build:frontend)");
  }
  const at: Record<number, Measured> = {};
  const aws = await startAwsEmulators();
  const port = await freePort();
  try {
    for (const size of SIZES) {
      console.log(`map: ${size} sources`);
      // A DynamoDB Local of its own per city: each write to a table created after many items
      // walks every earlier stream record (test/support/worker-dynamodb.ts says why), so the
      // larger city seeded into the smaller one's process would be slowed by it. On one port:
      // the functions' module-level clients, built for the first city, keep their endpoint.
      const dynamodb = await startDynamoDbLocal({ inMemory: true, port, startTimeoutMs: 120_000 });
      try {
        at[size] = await measureAt(size, { dynamodb: dynamodb.endpoint, aws: aws.endpoint });
      } finally {
        await dynamodb.stop();
      }
      const m = at[size];
      console.log(
        `  first render ${m.firstRender.toFixed(0)} ms, of it the points route ${m.pointsRoute.toFixed(0)} ms (${m.points}); longest frame: layer ${m.layerFrame.toFixed(0)} ms, filter ${m.filterFrame.toFixed(0)} ms, zoom ${m.zoomFrame.toFixed(0)} ms`,
      );
    }
  } finally {
    await aws.stop();
  }
  const small = at[SIZES[0]];
  const large = at[SIZES[1]];
  if (!small || !large) throw new Error("map: a size was not measured");
  const ratio = large.firstRender / small.firstRender;
  // The target names zoom and filter; the layer switch is reported beside them.
  const worstFrame = Math.max(large.filterFrame, large.zoomFrame);
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  return {
    headline: `map: first render at 100k ×${ratio.toFixed(2)} of 1k (target ≤ 3, ${verdict(ratio <= 3)}); longest zoom/filter frame at 100k ${worstFrame.toFixed(0)} ms (target < 100, ${verdict(worstFrame < 100)}); layer switch ${large.layerFrame.toFixed(0)} ms (no target)`,
    figures: {
      "first render 1k (ms)": small.firstRender.toFixed(0),
      "first render 100k (ms)": large.firstRender.toFixed(0),
      ratio: `×${ratio.toFixed(2)}`,
      "points route 1k/100k (ms)": `${small.pointsRoute.toFixed(0)}/${large.pointsRoute.toFixed(0)}`,
      "frames 100k layer/filter/zoom (ms)": `${large.layerFrame.toFixed(0)}/${large.filterFrame.toFixed(0)}/${large.zoomFrame.toFixed(0)}`,
      "frames 1k layer/filter/zoom (ms)": `${small.layerFrame.toFixed(0)}/${small.filterFrame.toFixed(0)}/${small.zoomFrame.toFixed(0)}`,
      points: large.points,
    },
  };
}
