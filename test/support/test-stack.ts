import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type LocalStack,
  type LocalStackOptions,
  startLocalStack,
} from "../../infra/local/start-stack.ts";

/** A local stack for one test file, in a data directory of its own that `stop` removes. */
export interface TestStack {
  stack: LocalStack;
  dataDir: string;
  /** Stops the stack and removes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack on a free port, on the emulators the test file shares (its
 * worker's DynamoDB Local, test/support/worker-dynamodb.ts, and the run's fauxqs,
 * test/global-setup.ts) with tables of its own: the set-up every stack test shares.
 */
export async function startTestStack(
  name: string,
  {
    beforeStart,
    ...options
  }: Omit<LocalStackOptions, "dataDir" | "port"> & {
    /** Prepares the data directory before the stack reads it (e.g. extra logins). */
    beforeStart?: (dataDir: string) => Promise<void>;
  } = {},
): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `cityrisk-${name}-`));
  let stack: LocalStack;
  try {
    await beforeStart?.(dataDir);
    // A handler's failure behind a 500 is otherwise invisible in a test's output.
    const log = (line: string) => {
      if (line.startsWith("[gateway]")) console.error(line);
    };
    stack = await startLocalStack({ log, ...options, dataDir, port: 0 });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    stack,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
