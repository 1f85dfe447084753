import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { mulberry32 } from "../../infra/local/seed/prng.ts";
import { type LocalStack, startLocalStack } from "../../infra/local/start-stack.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { type IndicatorState, initialState } from "../../shared/warnings/indicator-state.ts";
import { lecGradedSource } from "../../test/support/profile-versions.ts";
import type { BenchResult } from "../run.ts";
import { benchAdminToken } from "./bench-login.ts";

/** benchmarks.md `readings`: 100,000 readings of 1,000 indicators in batches of 1,000. */
const CLIENTS = 4;
const INDICATORS_PER_CLIENT = 250;
const BATCH = 1000;
const TOTAL = Number(process.env.BENCH_READINGS_TOTAL ?? 100_000);
/** A gateway retries a batch the API did not answer with 200 (readings are idempotent). */
const ATTEMPTS = 5;
/** Sources of the probe tenant, each breached once while the load runs, and how often. */
const PROBES = 100;
const PROBE_EVERY_MS = 500;
const PROBE_THRESHOLD = 50;
const SUSTAIN_SECONDS = 120;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Posted {
  /** From the first send to the 200, retries included; null when every attempt failed. */
  ms: number | null;
  accepted: number;
  retries: number;
  error?: string;
}

/** Posts one batch as a gateway would: on a timeout or a 5xx it waits and sends it again. */
async function postReadings(stack: LocalStack, token: string, body: string): Promise<Posted> {
  const t0 = performance.now();
  let error = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(1000 * attempt);
    try {
      const res = await fetch(`${stack.baseUrl}/api/v1/readings`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      });
      const text = await res.text();
      if (res.status === 200) {
        const { accepted } = JSON.parse(text) as { accepted: number };
        return { ms: performance.now() - t0, accepted, retries: attempt };
      }
      error = `${res.status} ${text.slice(0, 200)}`;
      if (res.status < 500 && res.status !== 429)
        return { ms: null, accepted: 0, retries: attempt, error };
    } catch (failure) {
      error = String(failure);
    }
  }
  return { ms: null, accepted: 0, retries: ATTEMPTS - 1, error };
}

/**
 * Breach → warning while the load runs: every PROBE_EVERY_MS one probe source's indicator gets
 * a batch of two readings above its threshold SUSTAIN_SECONDS apart (the second completes the
 * sustained breach); the latency is from sending that batch to its warning being readable.
 */
async function probeBreaches(
  stack: LocalStack,
  store: ReturnType<typeof storeFor>,
  token: string,
  probes: readonly Indicator[],
  running: () => boolean,
): Promise<{ latencies: number[]; missing: number }> {
  const { liveWarningOf } = await import("../../functions/warnings/signal-steps.ts");
  const latencies: number[] = [];
  let missing = 0;
  for (const ind of probes) {
    if (!running()) break;
    const at = Date.now() - 1000;
    const readings = [at - SUSTAIN_SECONDS * 1000, at].map((t) => ({
      indicatorId: ind.id,
      at: new Date(t).toISOString(),
      value: PROBE_THRESHOLD + 20,
    }));
    const t0 = performance.now();
    const posted = await postReadings(stack, token, JSON.stringify({ readings }));
    let found = false;
    while (posted.ms !== null && performance.now() - t0 < 30_000) {
      const live = await liveWarningOf(
        store,
        ind.tenantId,
        ind.riskSourceId,
        "threshold-sustained",
      );
      if (live) {
        found = true;
        break;
      }
      await sleep(20);
    }
    if (found) latencies.push(performance.now() - t0);
    else missing++;
    await sleep(Math.max(0, PROBE_EVERY_MS - (performance.now() - t0)));
  }
  return { latencies, missing };
}

/**
 * `readings`: CLIENTS enterprise gateways (one tenant each, 250 indicators each) post TOTAL
 * readings in batches of 1,000 (four timestamps of each indicator per batch) through the local
 * gateway with auth on: validated, applied to one state item per indicator, archived in batches
 * to the bucket. Floor, same run, same concurrency: BatchWriteItem of the same state items
 * straight to DynamoDB Local, one write per indicator per batch. Then every indicator's state
 * and the archive are checked: nothing lost (the archive is at least once: distinct readings
 * count). A probe tenant measures breach → warning under that load (`probeBreaches`).
 */
export async function readings(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "cityrisk-bench-readings-"));
  const stack = await startLocalStack({ dataDir, port: 0 });
  try {
    const { indicatorItem, stateItem } = await import("../../functions/warnings/indicators.ts");
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.dynamodb,
    });
    const store = storeFor(client, stack.tableName);
    const created = new Date(Date.now() - 3600_000).toISOString();
    const tenants = Array.from({ length: CLIENTS }, (_, c) => `t-bench-readings-${c}`);
    const indicatorOf = (tenantId: string, i: number, riskSourceId: string, over: number) => ({
      id: `${tenantId}~IND${String(i).padStart(4, "0")}`,
      tenantId,
      riskSourceId,
      name: "可燃气体浓度",
      unit: "%LEL",
      direction: "above" as const,
      thresholds: { general: over, major: over * 2 },
      sustainSeconds: SUSTAIN_SECONDS,
      recoverySeconds: 300,
      staleAfterSeconds: 86_400,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    // Registered sources (readings of an indicator whose source is gone are refused).
    const sourcePrng = mulberry32(5);
    const sourcesOf = (tenantId: string, n: number) =>
      Array.from({ length: n }, (_, i) => lecGradedSource(sourcePrng, tenantId, i, false, true));
    const loadSources = tenants.map((tenantId) => sourcesOf(tenantId, 10));
    const indicators: Indicator[][] = tenants.map((tenantId, c) =>
      Array.from({ length: INDICATORS_PER_CLIENT }, (_, i) => {
        const source = loadSources[c]?.[i % 10]?.source.id ?? "";
        // Above every value sent: the load measures ingestion; the probes measure warnings.
        return indicatorOf(tenantId, i, source, 1000);
      }),
    );
    // The probe tenant: one source per indicator, so each probe raises a warning of its own.
    const probeTenant = "t-bench-readings-probe";
    const probeSources = sourcesOf(probeTenant, PROBES);
    const probes = probeSources.map((b, i) =>
      indicatorOf(probeTenant, i, b.source.id, PROBE_THRESHOLD),
    );
    for (const b of [...loadSources.flat(), ...probeSources]) {
      await store.entities.riskSource.put(b.sourceItem).go();
    }
    for (const ind of [...indicators.flat(), ...probes]) {
      await store.entities.indicator.put(indicatorItem(ind)).go();
      await store.entities.indicatorState.put(stateItem(ind, initialState(ind))).go();
    }

    const [probeToken, ...tokens] = await Promise.all(
      [probeTenant, ...tenants].map((tenantId, i) =>
        benchAdminToken(stack, store, {
          userId: `u-bench-readings-${i}`,
          tenantId,
          email: `bench-readings-${i}@bench.demo`,
          name: `压测网关 ${i}`,
          jurisdiction: "d:110105;i:gas",
        }),
      ),
    );

    const batchesPerClient = Math.ceil(TOTAL / BATCH / CLIENTS);
    const perIndicator = BATCH / INDICATORS_PER_CLIENT;
    // One reading a minute per sensor (the sizing); the batches replay the recent past.
    const STEP_MS = 60_000;
    const start = Date.now() - (batchesPerClient * perIndicator + 1) * STEP_MS;
    const prng = mulberry32(17);
    /** Batch `b` of client `c`: `perIndicator` consecutive minutes of every indicator. */
    const batchOf = (c: number, b: number) =>
      (indicators[c] as Indicator[]).flatMap((ind) =>
        Array.from({ length: perIndicator }, (_, k) => ({
          indicatorId: ind.id,
          at: new Date(start + (b * perIndicator + k) * STEP_MS).toISOString(),
          value: Math.round(prng.next() * 1000) / 100,
        })),
      );

    const latencies: number[] = [];
    let errors = 0;
    let retried = 0;
    const firstErrors: string[] = [];
    let accepted = 0;
    let loading = true;
    const began = performance.now();
    const probing = probeBreaches(stack, store, probeToken as string, probes, () => loading);
    await Promise.all(
      tokens.map(async (token, c) => {
        for (let b = 0; b < batchesPerClient; b++) {
          const posted = await postReadings(
            stack,
            token,
            JSON.stringify({ readings: batchOf(c, b) }),
          );
          if (posted.retries > 0) retried++;
          if (posted.ms === null) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(posted.error ?? "");
            continue;
          }
          latencies.push(posted.ms);
          accepted += posted.accepted;
        }
      }),
    );
    const productMs = performance.now() - began;
    loading = false;
    const breach = await probing;
    breach.latencies.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    console.log(
      `product: ${accepted} readings in ${(productMs / 1000).toFixed(1)} s, p50 ${percentile(latencies, 50).toFixed(0)} ms/batch, ${retried} batches retried, ${errors} failed`,
    );
    console.log(
      `breach→warning: ${breach.latencies.length} probes, p50 ${percentile(breach.latencies, 50).toFixed(0)} ms, p99 ${percentile(breach.latencies, 99).toFixed(0)} ms, ${breach.missing} without a warning`,
    );
    for (const e of firstErrors) console.log(`  e.g. ${e}`);

    // Nothing lost: every indicator's state at its last reading, every reading archived.
    const lastAt = new Date(start + (batchesPerClient * perIndicator - 1) * STEP_MS).toISOString();
    let stale = 0;
    let states: IndicatorState[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const keys = (indicators[c] as Indicator[]).map((ind) => ({
        tenantId: ind.tenantId,
        indicatorId: ind.id,
      }));
      for (let i = 0; i < keys.length; i += 100) {
        const { data } = await store.entities.indicatorState.get(keys.slice(i, i + 100)).go();
        states = [...states, ...data.map((d) => d.state)];
      }
    }
    for (const s of states) if (s.lastAt !== lastAt) stale++;
    const s3 = new S3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.aws,
      forcePathStyle: true,
    });
    let archived = 0;
    const distinct = new Set<string>();
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: stack.bucketName,
          Prefix: "readings/",
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) {
        const body = await s3.send(new GetObjectCommand({ Bucket: stack.bucketName, Key: o.Key }));
        for (const line of ((await body.Body?.transformToString()) ?? "").split("\n")) {
          if (!line) continue;
          const r = JSON.parse(line) as { tenantId: string; indicatorId: string; at: string };
          if (r.tenantId === probeTenant) continue;
          archived++;
          distinct.add(`${r.indicatorId} ${r.at}`);
        }
      }
      token = page.NextContinuationToken;
    } while (token);
    // The archive is at least once (a retried batch may archive a reading again): distinct count.
    const lost = TOTAL - distinct.size;
    console.log(
      `checked: ${states.length} states (${stale} behind), ${distinct.size} distinct readings archived (${archived} lines)`,
    );

    // Floor: the same state items, one per indicator per batch, by BatchWriteItem.
    const documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const byId = new Map(states.map((s) => [s.indicatorId, s]));
    const floorBegan = performance.now();
    await Promise.all(
      tenants.map(async (_, c) => {
        const list = indicators[c] as Indicator[];
        for (let b = 0; b < batchesPerClient; b++) {
          const items = list.map((ind) => {
            const s = byId.get(ind.id) ?? initialState(ind);
            const params = store.entities.indicatorState
              .put(stateItem(ind, { ...s, version: s.version + b }))
              .params<{ Item: Record<string, unknown> }>();
            return { PutRequest: { Item: params.Item } };
          });
          for (let i = 0; i < items.length; i += 25) {
            let pending = items.slice(i, i + 25);
            while (pending.length > 0) {
              const out = await documents.send(
                new BatchWriteCommand({ RequestItems: { [stack.tableName]: pending } }),
              );
              pending = (out.UnprocessedItems?.[stack.tableName] ?? []) as typeof pending;
            }
          }
        }
      }),
    );
    const floorMs = performance.now() - floorBegan;
    const ratio = productMs / floorMs;
    const rate = (accepted / (productMs / 1000)).toFixed(0);
    console.log(
      `floor: ${(floorMs / 1000).toFixed(1)} s of BatchWriteItem for the same state items`,
    );
    const breachP99 = percentile(breach.latencies, 99);
    const verdict =
      ratio <= 2 &&
      lost === 0 &&
      errors === 0 &&
      stale === 0 &&
      breach.missing === 0 &&
      breachP99 <= 1000
        ? "meets target"
        : "MISSES target (ratio ≤2, zero lost, breach→warning p99 ≤1 s)";
    return {
      figures: {
        workload: `${accepted.toLocaleString("en")} readings, ${CLIENTS * INDICATORS_PER_CLIENT} indicators, batches of ${BATCH}, ${CLIENTS} clients`,
        product: `${(productMs / 1000).toFixed(1)} s (${rate} readings/s), p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms per batch (retries included), ${retried} batches retried, ${errors} failed after ${ATTEMPTS} attempts`,
        floor: `${(floorMs / 1000).toFixed(1)} s BatchWriteItem of the same state items`,
        ratio: `×${ratio.toFixed(2)}`,
        lost: `${lost} (${distinct.size} distinct readings archived in ${archived} lines, states behind ${stale})`,
        "breach→warning": `${breach.latencies.length} probes during the load, p50 ${percentile(breach.latencies, 50).toFixed(0)} ms, p99 ${breachP99.toFixed(0)} ms (send → warning readable), ${breach.missing} without a warning`,
      },
      headline: `readings: ${rate} readings/s through the API, ×${ratio.toFixed(2)} the floor, ${lost} lost, breach→warning p99 ${breachP99.toFixed(0)} ms — ${verdict}`,
    };
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
