import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { parse } from "csv-parse/sync";
import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredImportJob } from "../../../functions/adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { writeRows } from "../../../functions/adapters/spreadsheet/spreadsheet.ts";
import { importWorker, jobRecovery } from "../../../functions/exchange/manifest.ts";
import { manifest } from "../../../functions/manifest.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { newRiskSource } from "../../../functions/registry/risk-sources.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import { cellsOf } from "../../../shared/exchange/columns.ts";
import type { ExportJob } from "../../../shared/exchange/export-job.ts";
import type { ImportJob } from "../../../shared/exchange/import-job.ts";
import { RISK_SOURCE_COLUMNS } from "../../../shared/exchange/risk-source-columns.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// Import jobs that stop midway, files submitted twice, jobs whose message was lost, and an
// export too large for one response. The stack here hosts no import worker and no schedule, so
// each test hands messages to the worker's handler itself, exactly when it means to.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const GAS_TENANT = "t-gas-station-chaoyang";
const MALL_TENANT = "t-mall-haidian";
const PATH = "/api/v1/risk-sources/imports";

function delivery(tenantId: string, jobId: string): SQSEvent {
  return {
    Records: [
      {
        messageId: `m-${ulid()}`,
        receiptHandle: "r",
        body: JSON.stringify({ tenantId, jobId }),
        attributes: {
          ApproximateReceiveCount: "1",
          SentTimestamp: "0",
          SenderId: "local",
          ApproximateFirstReceiveTimestamp: "0",
        },
        messageAttributes: {},
        md5OfBody: "",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:imports",
        awsRegion: "us-east-1",
      },
    ],
  };
}

/** A Lambda context whose time runs out after `checks` looks at the clock. */
// The handler factory reads the remaining time once itself (Powertools), before the worker checks.
function contextRunningOutAfter(checks: number): Context {
  let seen = 0;
  return {
    ...createLambdaContext(importWorker),
    getRemainingTimeInMillis: () => (seen++ < checks ? 300_000 : 1_000),
  };
}

describe("resumable import and export jobs", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let invoke: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
  const work = (event: SQSEvent, context: Context = createLambdaContext(importWorker)) =>
    invoke(event, context);
  const scheduledEvent: ScheduledEvent = {
    version: "0",
    id: "stalled-jobs-test",
    "detail-type": "Scheduled Event",
    source: "aws.scheduler",
    account: "000000000000",
    time: new Date().toISOString(),
    region: "us-east-1",
    resources: [],
    detail: {},
  };
  let recover: (event: ScheduledEvent, context: Context) => Promise<{ requeued: string[] }>;

  beforeAll(async () => {
    running = await startTestStack("resumable", {
      manifest: manifest.filter((f) => f !== importWorker && f !== jobRecovery),
    });
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(store, enterpriseFixture(GAS_TENANT, GAS, FIXTURE_USCC[0] as string));
    await putEnterprise(store, enterpriseFixture(MALL_TENANT, MALL, FIXTURE_USCC[1] as string));
    [gasAdmin, mallAdmin] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
    ]);
    // Imported only now: the handlers read their configuration once, from the started stack.
    ({ handler: invoke } = await import("../../../functions/exchange/import-worker.handler.ts"));
    ({ handler: recover } = await import("../../../functions/exchange/stalled-jobs.handler.ts"));
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function file(prefix: string, count: number): Promise<string> {
    const records = Array.from({ length: count }, (_, i) => riskSourceInput(GAS, `${prefix}-${i}`));
    const bytes = await writeRows(
      "csv",
      "导入",
      RISK_SOURCE_COLUMNS,
      records.map((r) => cellsOf(RISK_SOURCE_COLUMNS, r)),
    );
    return Buffer.from(bytes).toString("base64");
  }

  async function submit(contentBase64: string): Promise<string> {
    const res = await gasAdmin.call("POST", PATH, {
      body: { fileName: "导入.csv", format: "csv", contentBase64, dryRun: false },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return (res.body as { id: string }).id;
  }

  async function job(id: string): Promise<ImportJob> {
    return (await gasAdmin.call("GET", `${PATH}/${id}`)).body as ImportJob;
  }

  /** Names of the gas station's sources starting with `prefix`, one entry per stored source. */
  async function stored(prefix: string): Promise<string[]> {
    const { data } = await store.entities.riskSource.query
      .byTenant({ tenantId: GAS_TENANT })
      .go({ pages: "all" });
    return data
      .map((d) => d.record.name)
      .filter((n) => n.startsWith(`${prefix}-`))
      .sort();
  }

  const names = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}-${i}`).sort();

  it("writes nothing twice when the same file is submitted again as a new job", async () => {
    const content = await file("重交", 30);
    const first = await submit(content);
    await work(delivery(GAS_TENANT, first));

    const second = await submit(content);
    await work(delivery(GAS_TENANT, second));

    expect(await job(first)).toMatchObject({ status: "done", processed: 30, written: 30 });
    expect(await job(second)).toMatchObject({
      status: "done",
      total: 30,
      processed: 30,
      written: 0,
      unchanged: 30,
      failedRows: 0,
    });
    expect(await stored("重交")).toEqual(names("重交", 30));
  });

  it("resumes an interrupted job from its checkpoint and ends with each row stored and counted once", async () => {
    const id = await submit(await file("续传", 120));

    // The first delivery runs out of time after two chunks of 25 rows and stops there.
    expect(await work(delivery(GAS_TENANT, id), contextRunningOutAfter(3))).toEqual({
      batchItemFailures: [],
    });
    const paused = await job(id);
    expect(paused).toMatchObject({ status: "running", total: 120, processed: 50, written: 50 });
    expect(await stored("续传")).toHaveLength(50);

    // As if a crash had come after the second chunk's rows were written but before its
    // checkpoint was saved: the stored job still says 25.
    const { data } = await store.entities.importJob.get({ tenantId: GAS_TENANT, id }).go();
    const record = data?.record as StoredImportJob;
    await store.entities.importJob
      .put({
        tenantId: GAS_TENANT,
        id,
        status: "running",
        version: data?.version ?? 0,
        record: { ...record, processed: 25, written: 25 },
      })
      .go();

    await work(delivery(GAS_TENANT, id));

    expect(await job(id)).toMatchObject({
      status: "done",
      total: 120,
      processed: 120,
      written: 120,
      unchanged: 0,
      failedRows: 0,
    });
    expect(await stored("续传")).toEqual(names("续传", 120));
  });

  it("re-enqueues a job without a heartbeat for longer than the visibility timeout, not a fresh one", async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const put = async (updatedAt: Date): Promise<string> => {
      const id = ulid();
      const at = updatedAt.toISOString();
      const stalled: StoredImportJob = {
        id,
        tenantId: GAS_TENANT,
        kind: "riskSources",
        status: "queued",
        dryRun: true,
        fileName: "导入.csv",
        format: "csv",
        objectKey: `${GAS_TENANT}/imports/${id}`,
        caller: {
          userId: "u-gas-station-admin",
          tenantId: GAS_TENANT,
          role: "enterpriseAdmin",
          jurisdiction: { citywide: false, districts: [], industries: [] },
        },
        total: 0,
        processed: 0,
        written: 0,
        failedRows: 0,
        errors: [],
        createdAt: at,
        updatedAt: at,
      };
      await store.entities.importJob
        .create({ tenantId: GAS_TENANT, id, status: "queued", record: stalled })
        .go();
      return id;
    };
    const stale = await put(hourAgo);
    const fresh = await put(new Date());

    const { requeued } = await recover(scheduledEvent, createLambdaContext(jobRecovery));

    expect(requeued).toContain(stale);
    expect(requeued).not.toContain(fresh);
    const renewed = await job(stale);
    expect(renewed.status).toBe("queued");
    expect(Date.parse(renewed.updatedAt)).toBeGreaterThan(hourAgo.getTime());
    // Renewed: the next pass leaves it to the message it was just given.
    expect(
      (await recover(scheduledEvent, createLambdaContext(jobRecovery))).requeued,
    ).not.toContain(stale);
  });

  // A Lambda response carries at most 6 MB (the old export's limit); this register's file is
  // larger: 50 sources at the schema's longest description and controls.
  it("writes an export larger than one response could carry to S3, downloadable by its link", async () => {
    const ROWS = 50;
    const now = new Date();
    const controls = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(300, "控"));
    const items = Array.from({ length: ROWS }, (_, i) => {
      const input = riskSourceInput(MALL, `大导出-${i}`);
      return riskSourceItem({
        ...newRiskSource(
          MALL_TENANT,
          {
            ...input,
            description: "述".repeat(2000),
            controls: { engineering: controls, management: controls, emergency: controls },
          },
          now,
        ),
        id: `${MALL_TENANT}~${ulid()}`,
      });
    });
    await store.entities.riskSource.put(items).go({ concurrency: 2 });

    const start = await mallAdmin.call("POST", "/api/v1/risk-sources/exports", {
      body: { format: "csv" },
    });
    expect(start.status).toBe(202);
    const { id } = start.body as { id: string };
    expect(await work(delivery(MALL_TENANT, id))).toEqual({ batchItemFailures: [] });
    const exported = (await mallAdmin.call("GET", `/api/v1/risk-sources/exports/${id}`))
      .body as ExportJob;

    expect(exported).toMatchObject({ id, status: "done", format: "csv", rows: ROWS });
    const res = await fetch(exported.download?.url ?? "");
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(6 * 1024 * 1024);
    const [header, ...rows] = parse(bytes.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
    expect(rows).toHaveLength(ROWS);
    const name = header?.indexOf("风险源名称") ?? -1;
    expect(rows.map((r) => r[name]).sort()).toEqual(
      Array.from({ length: ROWS }, (_, i) => `大导出-${i}`).sort(),
    );
  });
});
