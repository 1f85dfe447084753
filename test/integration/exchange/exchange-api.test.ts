import type { SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { readRows, writeRows } from "../../../functions/adapters/spreadsheet/spreadsheet.ts";
import { importWorker as importWorkerDefinition } from "../../../functions/exchange/manifest.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import { type ColumnSpec, cellsOf } from "../../../shared/exchange/columns.ts";
import {
  CENSUS_COLUMNS,
  STANDARDIZATION_COLUMNS,
} from "../../../shared/exchange/enterprise-columns.ts";
import type { ExportJob } from "../../../shared/exchange/export-job.ts";
import type { ImportJob } from "../../../shared/exchange/import-job.ts";
import { RISK_SOURCE_COLUMNS } from "../../../shared/exchange/risk-source-columns.ts";
import { usccCheckCharacter } from "../../../shared/risk/uscc.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { waitFor } from "../../support/wait-for.ts";

// Imports and exports through the local gateway, the SNS → SQS `imports` queue and its worker,
// against DynamoDB Local and the fauxqs S3 bucket.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const GAS_TENANT = "t-gas-station-chaoyang";
const GAS_USCC = FIXTURE_USCC[0] as string;

type Format = "csv" | "xlsx";

function uscc(first17: string): string {
  return `${first17}${usccCheckCharacter(first17) ?? ""}`;
}

function sheet(columns: readonly ColumnSpec[], records: readonly unknown[], format: Format) {
  const rows = records.map((r) => cellsOf(columns, r));
  return writeRows(format, "导入", columns, rows);
}

describe("exchange API", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let cityAdmin: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("exchange");
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(store, enterpriseFixture(GAS_TENANT, GAS, GAS_USCC));
    await putEnterprise(
      store,
      enterpriseFixture("t-mall-haidian", MALL, FIXTURE_USCC[1] as string),
    );
    await store.entities.uniqueClaim
      .create({ kind: "uscc", value: GAS_USCC, tenantId: GAS_TENANT, ownerId: GAS_TENANT })
      .go();
    [gasAdmin, mallAdmin, chaoyang, haidian, cityAdmin] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "admin@city.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function download(caller: ApiCaller, path: string) {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${caller.token}` },
    });
    return {
      status: res.status,
      headers: res.headers,
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  }

  async function startJob(
    caller: ApiCaller,
    path: string,
    file: Uint8Array,
    format: Format,
    dryRun: boolean,
    headers: Record<string, string> = {},
  ): Promise<string> {
    const res = await caller.call("POST", path, {
      body: {
        fileName: `导入.${format}`,
        format,
        contentBase64: Buffer.from(file).toString("base64"),
        dryRun,
      },
      headers,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: "queued" });
    return (res.body as { id: string }).id;
  }

  function finished(caller: ApiCaller, path: string, id: string): Promise<ImportJob> {
    return waitFor(
      async () => {
        const res = await caller.call("GET", `${path}/${id}`);
        const job = res.body as ImportJob;
        return job.status === "done" || job.status === "failed" ? job : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: `import job ${id}` },
    );
  }

  async function sourceNames(tenantId: string): Promise<string[]> {
    const { data } = await store.entities.riskSource.query
      .byTenant({ tenantId })
      .go({ pages: "all" });
    return data.map((d) => d.record.name).sort();
  }

  describe("the import template", () => {
    it.each(["csv", "xlsx"] as const)(
      "downloads as %s and parses back with readRows",
      async (format) => {
        const res = await download(
          gasAdmin,
          `/api/v1/risk-sources/import-template?format=${format}`,
        );

        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain(
          format === "csv" ? "text/csv" : "spreadsheetml",
        );
        expect(res.headers.get("content-disposition")).toContain(
          `risk-source-import-template.${format}`,
        );
        const parsed = await readRows(res.bytes, format);
        expect(parsed.headers).toEqual(RISK_SOURCE_COLUMNS.map((c) => c.label));
        expect(parsed.rows[0]).toEqual(
          Object.fromEntries(RISK_SOURCE_COLUMNS.map((c) => [c.label, c.key])),
        );
        expect(parsed.rows[1]?.风险源名称).toBe("【示例】加油区（加油机）");
      },
    );

    it("is for enterprises only", async () => {
      expect((await chaoyang.call("GET", "/api/v1/risk-sources/import-template")).status).toBe(403);
    });
  });

  describe("risk-source import with mixed rows", () => {
    const PATH = "/api/v1/risk-sources/imports";
    const valid = (name: string) => riskSourceInput(GAS, name);
    const records = [
      valid("导入-储油罐区"),
      valid("导入-卸油口"),
      { ...valid("导入-未知事故类型"), accidentTypes: ["雷击"] },
      { ...valid(""), name: "" },
      { ...valid("导入-坏电话"), responsiblePerson: { name: "赵六", phone: "12345" } },
    ];
    let jobId: string;

    it("dry run writes nothing and reports each bad row by column", async () => {
      const before = await sourceNames(GAS_TENANT);
      const id = await startJob(
        gasAdmin,
        PATH,
        await sheet(RISK_SOURCE_COLUMNS, records, "csv"),
        "csv",
        true,
      );

      const job = await finished(gasAdmin, PATH, id);

      expect(job).toMatchObject({
        id,
        kind: "riskSources",
        status: "done",
        dryRun: true,
        total: 5,
        processed: 5,
        written: 0,
        failedRows: 3,
      });
      expect(job.errors.map((e) => [e.row, e.path])).toEqual([
        [4, "accidentTypes"],
        [5, "name"],
        [6, "responsiblePhone"],
      ]);
      for (const error of job.errors) {
        expect(error.message.zh.length).toBeGreaterThan(0);
        expect(error.message.en.length).toBeGreaterThan(0);
      }
      expect(await sourceNames(GAS_TENANT)).toEqual(before);
    });

    it("writes only the valid rows, reaches done, and a redelivered message writes nothing twice", async () => {
      const before = await sourceNames(GAS_TENANT);
      jobId = await startJob(
        gasAdmin,
        PATH,
        await sheet(RISK_SOURCE_COLUMNS, records, "xlsx"),
        "xlsx",
        false,
      );

      const job = await finished(gasAdmin, PATH, jobId);

      expect(job).toMatchObject({
        status: "done",
        total: 5,
        processed: 5,
        written: 2,
        failedRows: 3,
      });
      const after = await sourceNames(GAS_TENANT);
      expect(after).toEqual([...before, "导入-卸油口", "导入-储油罐区"].sort());

      // The same message again, as SQS may redeliver it: once after the job finished, once as
      // if the first delivery had stopped midway (job still `running`).
      const stored = await store.entities.importJob.get({ tenantId: GAS_TENANT, id: jobId }).go();
      const record = stored.data?.record;
      if (!record) throw new Error("job not stored");
      const message = (n: number): SQSEvent => ({
        Records: [
          {
            messageId: `redelivery-${n}`,
            receiptHandle: "r",
            body: JSON.stringify({ tenantId: GAS_TENANT, jobId }),
            attributes: {
              ApproximateReceiveCount: "2",
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
      });
      // Imported only now: the handler reads its configuration once, from the started stack.
      const { handler: importWorker } = await import(
        "../../../functions/exchange/import-worker.handler.ts"
      );
      const context = () => createLambdaContext(importWorkerDefinition);
      expect(await importWorker(message(1), context())).toEqual({ batchItemFailures: [] });
      await store.entities.importJob
        .put({
          tenantId: GAS_TENANT,
          id: jobId,
          status: "running",
          record: { ...record, status: "running" },
        })
        .go();
      expect(await importWorker(message(2), context())).toEqual({ batchItemFailures: [] });

      expect(await sourceNames(GAS_TENANT)).toEqual(after);
      expect(await finished(gasAdmin, PATH, jobId)).toMatchObject({ status: "done", written: 2 });
    });

    it("replays the first answer for a retried POST with the same Idempotency-Key", async () => {
      const body = {
        fileName: "导入.csv",
        format: "csv",
        contentBase64: Buffer.from(await sheet(RISK_SOURCE_COLUMNS, records, "csv")).toString(
          "base64",
        ),
        dryRun: true,
      };
      const headers = { "idempotency-key": "import-dry-run-0001" };
      const first = await gasAdmin.call("POST", PATH, { body, headers });
      const retry = await gasAdmin.call("POST", PATH, { body, headers });

      expect(first.status).toBe(202);
      expect(retry).toMatchObject({ status: 202, body: first.body });
    });

    it("hides the job from other tenants (404) and from other roles (403)", async () => {
      expect((await mallAdmin.call("GET", `${PATH}/${jobId}`)).status).toBe(404);
      expect((await chaoyang.call("GET", `${PATH}/${jobId}`)).status).toBe(403);
    });
  });

  describe("export", () => {
    const EXPORTS = "/api/v1/risk-sources/exports";

    /** Starts an export job, waits for it, and fetches its file by the presigned link alone. */
    async function exported(caller: ApiCaller, body: Record<string, string>) {
      const start = await caller.call("POST", EXPORTS, { body });
      expect(start.status, JSON.stringify(start.body)).toBe(202);
      const { id } = start.body as { id: string };
      const job = await waitFor(
        async () => {
          const res = await caller.call("GET", `${EXPORTS}/${id}`);
          const read = res.body as ExportJob;
          return read.status === "done" || read.status === "failed" ? read : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200, description: `export job ${id}` },
      );
      expect(job).toMatchObject({ id, kind: "riskSourceExport", status: "done" });
      const url = job.download?.url ?? "";
      expect(new URL(url).searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      return { job, bytes: new Uint8Array(await res.arrayBuffer()) };
    }

    it.each(["csv", "xlsx"] as const)(
      "gives the enterprise its own sources as %s",
      async (format) => {
        const { job, bytes } = await exported(gasAdmin, { format });

        expect(job.download?.fileName).toMatch(
          new RegExp(`^风险源清单-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
        );
        const { headers, rows } = await readRows(bytes, format);
        expect(job.rows).toBe(rows.length);
        expect(headers.slice(0, 3)).toEqual(["风险源编号", "当前风险等级", "下次复评日期"]);
        expect(rows.map((r) => r.风险源名称).sort()).toEqual(await sourceNames(GAS_TENANT));
        expect(rows.every((r) => r.风险源编号?.startsWith(`${GAS_TENANT}~`))).toBe(true);
        expect(rows.find((r) => r.风险源名称 === "导入-储油罐区")).toMatchObject({
          当前风险等级: "未评估",
          责任人电话: "13700137000",
          可能导致的事故类型: "火灾；其他爆炸",
        });
      },
    );

    it("gives officials their jurisdiction, masking phones for roles that need it", async () => {
      const district = await exported(chaoyang, { format: "csv" });
      const city = await exported(cityAdmin, { format: "csv" });
      const other = await exported(haidian, { format: "csv" });

      const names = await sourceNames(GAS_TENANT);
      const districtRows = (await readRows(district.bytes, "csv")).rows;
      expect(districtRows.map((r) => r.风险源名称).sort()).toEqual(names);
      expect(districtRows[0]?.责任人电话).toBe("13700137000");
      const cityRows = (await readRows(city.bytes, "csv")).rows;
      expect(cityRows.map((r) => r.风险源名称).sort()).toEqual(names);
      expect(cityRows[0]?.责任人电话).toBe("137****7000");
      expect((await readRows(other.bytes, "csv")).rows).toEqual([]);
    });

    it("hides an export job from other tenants (404)", async () => {
      const start = await gasAdmin.call("POST", EXPORTS, { body: { format: "csv" } });
      const { id } = start.body as { id: string };

      expect((await mallAdmin.call("GET", `${EXPORTS}/${id}`)).status).toBe(404);
      expect((await chaoyang.call("GET", `${EXPORTS}/${id}`)).status).toBe(404);
    });
  });

  describe("census and standardization exchange", () => {
    const CENSUS = "/api/v1/enterprises/census-imports";
    const STANDARD = "/api/v1/enterprises/standardization-imports";
    const NEW_USCC = uscc("91110105MA01XYW12");
    const census = (code: string, place: typeof GAS | typeof MALL, address: string) => ({
      uscc: code,
      name: `普查企业 ${code.slice(-4)}`,
      industry: place.industry,
      district: place.district,
      street: place.street,
      address,
      location: { lon: 116.46, lat: 39.92 },
      principal: { name: "张三", phone: "13800138000" },
      safetyContact: { name: "李四", phone: "13900139000" },
    });

    it("pre-registers new enterprises, updates existing ones and reports each row", async () => {
      const existing = {
        ...census(GAS_USCC, GAS, "北京市朝阳区建国路 99 号"),
        name: `测试企业 ${GAS_TENANT}`,
      };
      const rows = [
        census(NEW_USCC, GAS, "北京市朝阳区光华路 1 号"),
        existing,
        census(uscc("91110108MA01QRT45"), MALL, "北京市海淀区中关村大街 1 号"),
        census("91110105MA01ABCD30", GAS, "无效信用代码"),
      ];
      const file = await sheet(CENSUS_COLUMNS, rows, "csv");

      const dry = await finished(
        chaoyang,
        CENSUS,
        await startJob(chaoyang, CENSUS, file, "csv", true),
      );
      expect(dry).toMatchObject({ status: "done", written: 0 });
      expect(dry.report?.counts).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: 2 });
      expect(
        (await store.entities.uniqueClaim.get({ kind: "uscc", value: NEW_USCC }).go()).data,
      ).toBeNull();

      const job = await finished(
        chaoyang,
        CENSUS,
        await startJob(chaoyang, CENSUS, file, "csv", false),
      );

      expect(job).toMatchObject({
        status: "done",
        total: 4,
        processed: 4,
        written: 2,
        failedRows: 2,
      });
      const created = job.report?.created[0];
      expect(job.report).toMatchObject({
        counts: { created: 1, updated: 1, unchanged: 0, rejected: 2 },
        created: [{ row: 2, uscc: NEW_USCC, tenantId: expect.stringMatching(/^t-/) }],
        updated: [{ row: 3, uscc: GAS_USCC, tenantId: GAS_TENANT, fields: ["address"] }],
        rejected: [{ row: 4 }, { row: 5 }],
      });
      expect(job.errors.map((e) => [e.row, e.path])).toEqual([
        [4, "district"],
        [5, "uscc"],
      ]);
      const tenantId = created?.tenantId as string;
      const tenant = (await store.entities.tenant.get({ tenantId }).go()).data;
      expect(tenant?.record).toMatchObject({
        kind: "enterprise",
        status: "preregistered",
        uscc: NEW_USCC,
      });
      const profile = (await store.entities.enterprise.get({ tenantId }).go()).data?.record;
      expect(profile).toMatchObject({ uscc: NEW_USCC, district: "110105", version: 1 });
      const gas = (await store.entities.enterprise.get({ tenantId: GAS_TENANT }).go()).data?.record;
      expect(gas).toMatchObject({ address: "北京市朝阳区建国路 99 号", version: 2 });

      const again = await finished(
        chaoyang,
        CENSUS,
        await startJob(chaoyang, CENSUS, file, "csv", false),
      );
      expect(again.report?.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    });

    it("records standardization grades", async () => {
      const file = await sheet(
        STANDARDIZATION_COLUMNS,
        [
          {
            uscc: GAS_USCC,
            standardization: {
              grade: 2,
              certificateNo: "京AQBWH II 2024001",
              expiresAt: "2027-06-30",
            },
          },
        ],
        "xlsx",
      );

      const job = await finished(
        cityAdmin,
        STANDARD,
        await startJob(cityAdmin, STANDARD, file, "xlsx", false),
      );

      expect(job).toMatchObject({ status: "done", written: 1 });
      expect(job.report?.updated).toEqual([
        {
          row: 2,
          uscc: GAS_USCC,
          tenantId: GAS_TENANT,
          name: `测试企业 ${GAS_TENANT}`,
          fields: ["standardization"],
        },
      ]);
      const gas = (await store.entities.enterprise.get({ tenantId: GAS_TENANT }).go()).data?.record;
      expect(gas?.standardization).toEqual({
        grade: 2,
        certificateNo: "京AQBWH II 2024001",
        expiresAt: "2027-06-30",
      });
    });

    it("rejects the rows of an official outside the district", async () => {
      const before = (await store.entities.enterprise.get({ tenantId: GAS_TENANT }).go()).data
        ?.record;
      const censusFile = await sheet(
        CENSUS_COLUMNS,
        [census(GAS_USCC, GAS, "北京市朝阳区别处 7 号")],
        "csv",
      );
      const standardFile = await sheet(
        STANDARDIZATION_COLUMNS,
        [
          {
            uscc: GAS_USCC,
            standardization: { grade: 1, certificateNo: "X-1", expiresAt: "2028-01-01" },
          },
        ],
        "csv",
      );

      const c = await finished(
        haidian,
        CENSUS,
        await startJob(haidian, CENSUS, censusFile, "csv", false),
      );
      const s = await finished(
        haidian,
        STANDARD,
        await startJob(haidian, STANDARD, standardFile, "csv", false),
      );

      for (const job of [c, s]) {
        expect(job).toMatchObject({ status: "done", written: 0, failedRows: 1 });
        expect(job.report?.counts.rejected).toBe(1);
        expect(job.errors[0]?.message.en).toBe("The enterprise lies outside your jurisdiction");
      }
      const after = (await store.entities.enterprise.get({ tenantId: GAS_TENANT }).go()).data
        ?.record;
      expect(after).toEqual(before);
      expect((await gasAdmin.call("POST", CENSUS, { body: {} })).status).toBe(403);
    });
  });
});
