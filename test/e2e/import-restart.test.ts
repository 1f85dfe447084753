import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { writeRows } from "../../functions/adapters/spreadsheet/spreadsheet.ts";
import { mainTable } from "../../functions/platform/storage-definitions.ts";
import { localResourceName } from "../../infra/local/bootstrap/resource-names.ts";
import { freePort } from "../../infra/local/dynamodb-local/free-port.ts";
import { SHARED_EMULATORS_ENV } from "../../infra/local/emulators/shared-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { cellsOf } from "../../shared/exchange/columns.ts";
import type { ImportJob } from "../../shared/exchange/import-job.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../support/registry-fixtures.ts";
import { waitFor } from "../support/wait-for.ts";

// Issue 10's test: `npm start` stopped mid-import — the whole process group, DynamoDB Local and
// the in-memory queue with it, by SIGKILL — and started again on the same data directory finishes
// the job with each row stored once. The stack runs as `npm start` runs it (infra/local/start.ts)
// without the demo registry, in a process group of its own so one signal reaches every process.
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const TENANT = "t-gas-station-chaoyang";
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
// Enough that the kill lands midway (progress is saved every 25 rows, the kill comes after 150),
// few enough for a 2-core CI.
const ROWS = 400;
const KILL_AFTER = 150;
const PATH = "/api/v1/risk-sources/imports";

interface Started {
  child: ChildProcess;
  dynamodb: string;
  exited: Promise<void>;
}

/** Starts `infra/local/start.ts` as a process group leader and waits for "Ready". */
async function startStack(dataDir: string, port: number): Promise<Started> {
  const child = spawn(join(repoRoot, "node_modules", ".bin", "tsx"), ["infra/local/start.ts"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      CITYRISK_DATA_DIR: dataDir,
      PORT: String(port),
      CITYRISK_DEMO_SEED: "off",
      POWERTOOLS_LOG_LEVEL: "ERROR",
      // Its own DynamoDB Local on disk, as `npm start` runs: not the worker's shared one.
      [SHARED_EMULATORS_ENV]: "",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const endpoint = /DynamoDB Local\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (endpoint && output.includes("Ready in")) resolve(endpoint);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    void exited.then(() => reject(new Error(`the stack exited before it was ready:\n${output}`)));
  });
  const timeout = setTimeout(() => killGroup(child), 90_000);
  try {
    return { child, dynamodb: await ready, exited };
  } finally {
    clearTimeout(timeout);
  }
}

/** SIGKILL to the whole group: the stack's node process, DynamoDB Local's java, everything. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function token(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "cityrisk-web",
      username: "admin@gas-station.demo",
      password: "demo-password",
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function storeAt(endpoint: string): Store {
  return storeFor(
    new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint }),
    localResourceName("cityrisk-local", mainTable.logicalName),
  );
}

describe("an import across a killed and restarted local stack", () => {
  let dataDir: string;
  let port: number;
  let running: Started | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "cityrisk-restart-"));
    port = await freePort();
  });

  afterAll(async () => {
    if (running) {
      killGroup(running.child);
      await running.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("finishes the job after the restart with each row stored once", {
    timeout: 240_000,
  }, async () => {
    running = await startStack(dataDir, port);
    const baseUrl = `http://localhost:${port}`;
    await putEnterprise(
      storeAt(running.dynamodb),
      enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string),
    );
    const records = Array.from({ length: ROWS }, (_, i) => riskSourceInput(GAS, `重启-${i}`));
    const file = await writeRows(
      "csv",
      "导入",
      RISK_SOURCE_COLUMNS,
      records.map((r) => cellsOf(RISK_SOURCE_COLUMNS, r)),
    );
    const bearer = await token(baseUrl);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const started = await call("POST", PATH, {
      fileName: "重启.csv",
      format: "csv",
      contentBase64: Buffer.from(file).toString("base64"),
      dryRun: false,
    });
    expect(started.status).toBe(202);
    const { id } = started.body as { id: string };
    const read = async () => (await call("GET", `${PATH}/${id}`)).body as ImportJob;

    const midway = await waitFor(
      async () => {
        const job = await read();
        return job.processed >= KILL_AFTER ? job : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 50, description: "the import under way" },
    );
    killGroup(running.child);
    await running.exited;
    running = undefined;
    expect(midway.status).toBe("running");
    expect(midway.processed).toBeLessThan(ROWS);

    running = await startStack(dataDir, port);
    const done = await waitFor(
      async () => {
        const job = await read();
        return job.status === "done" || job.status === "failed" ? job : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: "the import after the restart" },
    );

    expect(done).toMatchObject({
      status: "done",
      total: ROWS,
      processed: ROWS,
      written: ROWS,
      unchanged: 0,
      failedRows: 0,
    });
    const { data } = await storeAt(running.dynamodb)
      .entities.riskSource.query.byTenant({ tenantId: TENANT })
      .go({ pages: "all" });
    const names = data.map((d) => d.record.name).filter((n) => n.startsWith("重启-"));
    expect(names).toHaveLength(ROWS);
    expect(new Set(names).size).toBe(ROWS);
  });
});
