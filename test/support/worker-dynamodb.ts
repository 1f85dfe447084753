import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from "../../infra/local/dynamodb-local/start-dynamodb-local.ts";

/**
 * One DynamoDB Local (in memory) per test worker, started again between files once it has done
 * enough work — rather than one for the whole run.
 *
 * Why: DynamoDB Local keeps every table's stream records in one SQLite table for 24 hours, also
 * after the table is deleted, and each write looks up its stream shard's first record by walking
 * those records in sequence order (`SQLiteDBAccessJob.getStreamDescription`, one per write). A
 * table created late in a run therefore pays, on every write, for every record any earlier test
 * wrote: 4,000 puts to a new table took 3 s on a fresh instance and 211 s after 100,000 earlier
 * records (measured in session 22). Only a new process forgets them (or another access key's
 * database, which the functions' fixed local credentials rule out here). A process also runs its
 * SQLite on one thread, so one instance for the run made the two workers queue on each other.
 *
 * A restart keeps the port, so SDK clients a worker's modules built at import (which keep their
 * endpoint) reach the new process; their pooled connections to the old one are closed and the
 * SDK retries a request that meets one. A worker ends without running exit handlers, so each
 * process is also listed in the run's folder of worker processes, which the global setup's
 * teardown stops (test/global-setup.ts).
 */

/** The folder, made by the global setup, where workers list the processes they start. */
export const WORKER_PROCESSES_ENV = "CITYRISK_TEST_WORKER_PROCESSES";

/**
 * CPU seconds of DynamoDB Local after which the next file gets a fresh process (~3 s to start).
 * 20 ran the suite in 527 s here, 10 in 584 s (more restarts); larger budgets were not tried.
 */
const CPU_SECONDS_BEFORE_RESTART = 20;

/**
 * A process that lives for a few files never repays the optimising compiler: with the client
 * compiler alone and the serial collector, four integration files cost DynamoDB Local 14 CPU
 * seconds instead of 35 and ran in 27 s instead of 39 (session 22, on two cores).
 */
const SHORT_LIVED_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

let current: DynamoDbLocal | undefined;
let cpuAtStart = 0;

/** The worker's DynamoDB Local endpoint, fresh enough for the next file; call before a file runs. */
export async function workerDynamoDb(): Promise<string> {
  if (current && cpuSeconds(current.pid) - cpuAtStart >= CPU_SECONDS_BEFORE_RESTART) {
    await restartWorkerDynamoDb();
  }
  current ??= await start(0);
  return current.endpoint;
}

/** Replaces the worker's DynamoDB Local with a fresh process on the same port. */
export async function restartWorkerDynamoDb(): Promise<void> {
  if (current) {
    const port = current.port;
    await current.stop();
    forget(current.pid);
    current = await start(port);
  }
}

/** The endpoint of the worker's DynamoDB Local, which the setup file has started. */
export function workerDynamoDbEndpoint(): string {
  if (!current)
    throw new Error("no DynamoDB Local yet: test/support/file-environment.ts starts it");
  return current.endpoint;
}

async function start(port: number): Promise<DynamoDbLocal> {
  // A loaded runner can take longer than the interactive 30 s to start the JVM.
  const started = await startDynamoDbLocal({
    inMemory: true,
    port,
    startTimeoutMs: 120_000,
    jvmArgs: SHORT_LIVED_JVM,
  });
  cpuAtStart = cpuSeconds(started.pid);
  const folder = process.env[WORKER_PROCESSES_ENV];
  if (folder && started.pid !== undefined) writeFileSync(join(folder, String(started.pid)), "");
  return started;
}

function forget(pid: number | undefined): void {
  const folder = process.env[WORKER_PROCESSES_ENV];
  if (folder && pid !== undefined) rmSync(join(folder, String(pid)), { force: true });
}

/** Kills every DynamoDB Local the folder lists and removes the folder (the run's teardown). */
export function stopWorkerProcesses(folder: string): void {
  for (const pid of readdirSync(folder)) {
    try {
      // Only while the pid is still that JVM: an exited one's pid may be another's by now.
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("DynamoDBLocal.jar")) {
        process.kill(Number(pid), "SIGKILL");
      }
    } catch {
      // Already gone.
    }
  }
  rmSync(folder, { recursive: true, force: true });
}

/** User plus system CPU time of a process, from /proc (Linux); 0 where it cannot be read. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime
    // are fields 14 and 15, in clock ticks of 1/100 s on Linux.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
