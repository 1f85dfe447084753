import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { mulberry32 } from "../../infra/local/seed/prng.ts";
import { startLocalStack } from "../../infra/local/start-stack.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { type IndicatorState, initialState } from "../../shared/warnings/indicator-state.ts";
import type { BenchResult } from "../run.ts";
import { benchAdminToken } from "./bench-login.ts";

/** benchmarks.md `readings`: 100,000 readings of 1,000 indicators in batches of 1,000. */
const CLIENTS = 4;
const INDICATORS_PER_CLIENT = 250;
const BATCH = 1000;
const TOTAL = Number(process.env.BENCH_READINGS_TOTAL ?? 100_000);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * `readings`: CLIENTS enterprise gateways (one tenant each, 250 indicators each) post TOTAL
 * readings in batches of 1,000 (four timestamps of each indicator per batch) through the local
 * gateway with auth on: validated, applied to one state item per indicator, archived in batches
 * to the bucket. Floor, same run, same concurrency: BatchWriteItem of the same state items
 * straight to DynamoDB Local, one write per indicator per batch. Then every indicator's state
 * and the archive are checked: nothing lost.
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
    const indicators: Indicator[][] = tenants.map((tenantId) =>
      Array.from({ length: INDICATORS_PER_CLIENT }, (_, i) => ({
        id: `${tenantId}~IND${String(i).padStart(4, "0")}`,
        tenantId,
        riskSourceId: `${tenantId}~RS${String(i % 10).padStart(2, "0")}`,
        name: "可燃气体浓度",
        unit: "%LEL",
        direction: "above" as const,
        // Above every value sent: the benchmark measures ingestion, not warnings.
        thresholds: { general: 1000, major: 2000 },
        sustainSeconds: 120,
        recoverySeconds: 300,
        staleAfterSeconds: 86_400,
        version: 1,
        createdAt: created,
        updatedAt: created,
      })),
    );
    for (const list of indicators) {
      for (const ind of list) {
        await store.entities.indicator.put(indicatorItem(ind)).go();
        await store.entities.indicatorState.put(stateItem(ind, initialState(ind))).go();
      }
    }

    const tokens = await Promise.all(
      tenants.map((tenantId, i) =>
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
    const start = Date.now() - batchesPerClient * perIndicator * 1000 - 60_000;
    const prng = mulberry32(17);
    /** Batch `b` of client `c`: `perIndicator` consecutive seconds of every indicator. */
    const batchOf = (c: number, b: number) =>
      (indicators[c] as Indicator[]).flatMap((ind) =>
        Array.from({ length: perIndicator }, (_, k) => ({
          indicatorId: ind.id,
          at: new Date(start + (b * perIndicator + k) * 1000).toISOString(),
          value: Math.round(prng.next() * 1000) / 100,
        })),
      );

    const latencies: number[] = [];
    let errors = 0;
    const firstErrors: string[] = [];
    let accepted = 0;
    const began = performance.now();
    await Promise.all(
      tokens.map(async (token, c) => {
        for (let b = 0; b < batchesPerClient; b++) {
          const t0 = performance.now();
          const res = await fetch(`${stack.baseUrl}/api/v1/readings`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ readings: batchOf(c, b) }),
          });
          const text = await res.text();
          latencies.push(performance.now() - t0);
          if (res.status !== 200) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(`${res.status} ${text.slice(0, 200)}`);
            continue;
          }
          accepted += (JSON.parse(text) as { accepted: number }).accepted;
        }
      }),
    );
    const productMs = performance.now() - began;
    latencies.sort((a, b) => a - b);
    console.log(
      `product: ${accepted} readings in ${(productMs / 1000).toFixed(1)} s, p50 ${percentile(latencies, 50).toFixed(0)} ms/batch, errors ${errors}`,
    );
    for (const e of firstErrors) console.log(`  e.g. ${e}`);

    // Nothing lost: every indicator's state at its last reading, every reading archived.
    const lastAt = new Date(start + (batchesPerClient * perIndicator - 1) * 1000).toISOString();
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
        archived += ((await body.Body?.transformToString()) ?? "")
          .split("\n")
          .filter(Boolean).length;
      }
      token = page.NextContinuationToken;
    } while (token);
    const lost = TOTAL - Math.min(archived, accepted);
    console.log(
      `checked: ${states.length} states (${stale} behind), ${archived} readings archived`,
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
    const verdict =
      ratio <= 2 && lost === 0 && errors === 0 && stale === 0
        ? "meets target"
        : "MISSES target (ratio ≤2, zero lost)";
    return {
      figures: {
        workload: `${accepted.toLocaleString("en")} readings, ${CLIENTS * INDICATORS_PER_CLIENT} indicators, batches of ${BATCH}, ${CLIENTS} clients`,
        product: `${(productMs / 1000).toFixed(1)} s (${rate} readings/s), p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms per batch, errors ${errors}`,
        floor: `${(floorMs / 1000).toFixed(1)} s BatchWriteItem of the same state items`,
        ratio: `×${ratio.toFixed(2)}`,
        lost: `${lost} (archived ${archived}, states behind ${stale})`,
        "breach→warning p99": "not measured in this run",
      },
      headline: `readings: ${rate} readings/s through the API, ×${ratio.toFixed(2)} the floor, ${lost} lost — ${verdict}`,
    };
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
