import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { freePort } from "./free-port.ts";
import { resolveDynamoDbLocalJar } from "./jar-location.ts";
import { assertJava17 } from "./java-version.ts";

export interface DynamoDbLocalOptions {
  /** Data lives in `<dataDir>/dynamodb`; ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  /** 0 or absent picks a free port. */
  port?: number;
  /** How long to wait for ListTables to answer. */
  startTimeoutMs?: number;
  javaBin?: string;
  /** Options for the JVM itself, before `-jar` (e.g. a short-lived instance's compiler). */
  jvmArgs?: string[];
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The Java process. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const OUTPUT_LIMIT = 8_000;

/** Starts Amazon's DynamoDB Local (`-sharedDb`) and resolves once it answers ListTables. */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  const javaBin = options.javaBin ?? "java";
  assertJava17(javaBin);
  const { jar, libDir } = resolveDynamoDbLocalJar();
  if (!options.inMemory && !options.dataDir) {
    throw new Error("startDynamoDbLocal needs `dataDir` unless `inMemory` is set");
  }
  const port = await freePort(options.port ?? 0);
  const storage = options.inMemory ? ["-inMemory"] : ["-dbPath", dbPath(options.dataDir ?? "")];
  // SIGINT ignored (a disposition exec keeps, and the JVM leaves an ignored SIGINT ignored, as
  // under nohup): a terminal's Ctrl-C signals the whole foreground group, and DynamoDB Local must
  // outlive the stack's orderly stop (handlers finishing, checkpoints saved) — the stack stops it
  // last with SIGTERM. It stays in our process group, so a crash that kills the group kills it.
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      'trap "" INT; exec "$0" "$@"',
      javaBin,
      ...(options.jvmArgs ?? []),
      `-Djava.library.path=${libDir}`,
      "-jar",
      jar,
      "-port",
      String(port),
      "-disableTelemetry",
      "-sharedDb",
      ...storage,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    await terminate(child, exited);
  };
  try {
    await waitUntilReady(endpoint, exited, options.startTimeoutMs ?? 30_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid, stop };
}

function dbPath(dataDir: string): string {
  const dir = join(dataDir, "dynamodb");
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<number | null>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(
          `DynamoDB Local exited with code ${exitCode} before it was ready:\n${output()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.timeout(1_000),
        });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(
      `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`,
    );
  } finally {
    client.destroy();
  }
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
