import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, type PutCommandInput } from "@aws-sdk/lib-dynamodb";
import { storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { demoAssessmentInput } from "../../infra/local/seed/assessment-inputs.ts";
import type { BulkRegistry } from "../../infra/local/seed/bulk-registry.ts";
import { mulberry32 } from "../../infra/local/seed/prng.ts";
import { templatesFor } from "../../infra/local/seed/source-templates.ts";
import { startLocalStack } from "../../infra/local/start-stack.ts";
import type { AssessmentCreateInput } from "../../shared/risk/assessment.ts";
import type { RiskSource, RiskSourceCreateInput } from "../../shared/risk/risk-source.ts";
import type { BenchResult } from "../run.ts";
import { benchAdminToken } from "./bench-login.ts";

const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);

/** The create input a registered source was made from (its stored record minus server fields). */
function createInputOf(record: RiskSource): RiskSourceCreateInput {
  const { name, place, description, industry, accidentTypes, hazardFactors, location } = record;
  const { controls, responsiblePost, responsiblePerson, supervision, identificationItemId } =
    record;
  return {
    name,
    place,
    description,
    industry,
    accidentTypes,
    hazardFactors,
    location,
    controls,
    responsiblePost,
    responsiblePerson,
    supervision,
    ...(identificationItemId ? { identificationItemId } : {}),
  };
}

interface Work {
  tenantId: string;
  source: RiskSourceCreateInput;
  assessment: AssessmentCreateInput;
}

/** One enterprise per client, each with a pool of sources to register and assess in turn. */
function workload(bulk: BulkRegistry): Work[][] {
  const prng = mulberry32(7);
  return bulk.enterprises.map(({ enterprise }) =>
    bulk.sources
      .filter((s) => s.sourceItem.tenantId === enterprise.tenantId)
      .map((s) => {
        const template = templatesFor(enterprise.industry)[0];
        if (!template) throw new Error(`no template for ${enterprise.industry}`);
        return {
          tenantId: enterprise.tenantId,
          source: createInputOf(s.sourceItem.record),
          assessment: demoAssessmentInput(prng, template),
        };
      }),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Run {
  latencies: number[];
  errors: number;
  firstErrors: string[];
}

/** Runs `clients` loops for `seconds`, each calling `step(client, i)`; step times its own calls. */
async function closedLoop(
  seconds: number,
  clients: number,
  step: (client: number, i: number, run: Run) => Promise<void>,
): Promise<Run> {
  const run: Run = { latencies: [], errors: 0, firstErrors: [] };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < until; i++) await step(client, i, run);
    }),
  );
  run.latencies.sort((a, b) => a - b);
  return run;
}

async function timed(run: Run, call: () => Promise<{ ok: boolean; what: string }>) {
  const start = performance.now();
  let outcome: { ok: boolean; what: string };
  try {
    outcome = await call();
  } catch (error) {
    outcome = { ok: false, what: (error as Error).message };
  }
  run.latencies.push(performance.now() - start);
  if (!outcome.ok) {
    run.errors++;
    if (run.firstErrors.length < 3) run.firstErrors.push(outcome.what);
  }
  return outcome;
}

/**
 * `api` of benchmarks.md: 32 clients (one enterprise each, signed in through the local IdP) for
 * BENCH_API_SECONDS (default 30) register a risk source and submit its assessment, in turn,
 * through the local gateway with auth on. Floor, same run and same concurrency: PutItem of the
 * same items (a source and an assessment per turn) straight to DynamoDB Local.
 */
export async function api(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "cityrisk-bench-api-"));
  const stack = await startLocalStack({ dataDir, port: 0 });
  try {
    // Imported once the stack has set the environment: they load the functions' modules, which
    // read their configuration once (as start-stack.ts does for the seed).
    const { buildBulkRegistry } = await import("../../infra/local/seed/bulk-registry.ts");
    const { gradedSource } = await import("../../infra/local/seed/graded-source.ts");
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.dynamodb,
    });
    const store = storeFor(client, stack.tableName);
    const bulk = buildBulkRegistry(mulberry32(11), CLIENTS, new Date("2026-11-01T00:00:00Z"));
    await Promise.all(
      bulk.enterprises.flatMap((e) => [
        store.entities.tenant.put(e.tenant).go(),
        store.entities.enterprise.put(e.enterprise).go(),
        store.entities.uniqueClaim.put(e.claim).go(),
      ]),
    );
    const work = workload(bulk);

    // One admin login per enterprise, created through the IdP's admin endpoint, then signed in.
    const tokens = await Promise.all(
      bulk.enterprises.map(({ enterprise: e }, i) =>
        benchAdminToken(stack, store, {
          userId: `u-bench-${i}`,
          tenantId: e.tenantId,
          email: `bench-${i}@bench.demo`,
          name: `压测管理员 ${i}`,
          jurisdiction: `d:${e.district};i:${e.industry}`,
        }),
      ),
    );

    const call = async (token: string, path: string, body: unknown) => {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { ok: res.status === 201, what: `${res.status} ${path} ${text.slice(0, 200)}`, text };
    };
    const productStep = async (c: number, i: number, run: Run) => {
      const token = tokens[c] as string;
      const pool = work[c] as Work[];
      const w = pool[i % pool.length] as Work;
      const registered = await timed(run, () => call(token, "/api/v1/risk-sources", w.source));
      if (!registered.ok || !("text" in registered)) return;
      const { id } = JSON.parse(registered.text as string) as { id: string };
      await timed(run, () =>
        call(token, `/api/v1/risk-sources/${encodeURIComponent(id)}/assessments`, w.assessment),
      );
    };

    // Warm-up: every handler imported and every connection open before anything is timed.
    await closedLoop(2, CLIENTS, productStep);
    console.log(`product: ${CLIENTS} clients for ${SECONDS} s through the gateway…`);
    const product = await closedLoop(SECONDS, CLIENTS, productStep);

    // Floor: the same items (a source and its graded assessment) put straight to the table.
    // Grades carry `inherent: undefined` when no inherent inputs were given; ElectroDB drops it.
    const documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const prng = mulberry32(13);
    const assessor = {
      userId: "u-bench",
      tenantId: "",
      role: "enterpriseAdmin" as const,
      jurisdiction: { citywide: false, districts: [], industries: [] },
    };
    const floorItems = (c: number, i: number): PutCommandInput[] => {
      const pool = work[c] as Work[];
      const w = pool[i % pool.length] as Work;
      const graded = gradedSource(prng, {
        tenantId: w.tenantId,
        input: w.source,
        assessment: w.assessment,
        assessor: { ...assessor, tenantId: w.tenantId },
        reviewer: null,
        createdAt: new Date(),
      });
      return [
        store.entities.riskSource.put(graded.sourceItem).params<PutCommandInput>(),
        store.entities.assessment.put(graded.assessmentItem).params<PutCommandInput>(),
      ];
    };
    const floorStep = async (c: number, i: number, run: Run) => {
      for (const params of floorItems(c, i)) {
        await timed(run, async () => {
          await documents.send(new PutCommand(params));
          return { ok: true, what: "" };
        });
      }
    };
    await closedLoop(2, CLIENTS, floorStep);
    console.log(`floor: ${CLIENTS} clients for ${SECONDS} s of PutItem to DynamoDB Local…`);
    const floor = await closedLoop(SECONDS, CLIENTS, floorStep);

    const p = (run: Run, q: number) => percentile(run.latencies, q);
    const p50Ratio = p(product, 50) / p(floor, 50);
    const p99Ratio = p(product, 99) / p(floor, 99);
    const rate = (run: Run) => (run.latencies.length / SECONDS).toFixed(0);
    for (const [name, run] of [
      ["product", product],
      ["floor", floor],
    ] as const) {
      console.log(
        `${name}: ${run.latencies.length} requests (${rate(run)}/s), p50 ${p(run, 50).toFixed(1)} ms, p99 ${p(run, 99).toFixed(1)} ms, errors ${run.errors}`,
      );
      for (const e of run.firstErrors) console.log(`  e.g. ${e}`);
    }
    const verdict =
      p50Ratio <= 2 && p99Ratio <= 3 && product.errors === 0
        ? "meets target"
        : "MISSES target (p50 ≤2, p99 ≤3, 0 errors)";
    return {
      figures: {
        duration: `${SECONDS} s × ${CLIENTS} clients`,
        product: `${product.latencies.length} req (${rate(product)}/s), p50 ${p(product, 50).toFixed(1)} ms, p99 ${p(product, 99).toFixed(1)} ms, errors ${product.errors}`,
        floor: `${floor.latencies.length} PutItem (${rate(floor)}/s), p50 ${p(floor, 50).toFixed(1)} ms, p99 ${p(floor, 99).toFixed(1)} ms`,
        ratios: `p50 ×${p50Ratio.toFixed(2)}, p99 ×${p99Ratio.toFixed(2)}`,
      },
      headline: `api: p50 ${p(product, 50).toFixed(1)} ms (×${p50Ratio.toFixed(2)} floor), p99 ${p(product, 99).toFixed(1)} ms (×${p99Ratio.toFixed(2)}), ${product.errors} errors — ${verdict}`,
    };
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
