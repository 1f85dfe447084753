import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/support/long-first-sequencer.ts";

// One SNS/SQS/S3 emulator serves the whole run (test/global-setup.ts) and one DynamoDB Local
// each worker, a fresh process between files once it has worked enough
// (test/support/worker-dynamodb.ts); each integration test file creates its own table. Files
// share their worker's modules (`isolate: false`): importing the product once per worker
// instead of once per file saves minutes on two cores. What that asks of the code: caches keyed
// by table, a stopped local stack puts the environment back, each file's environment is
// restored after it (test/support/file-environment.ts), and a file that mocks a module imports
// fresh modules (`vi.resetModules()`) before it uses them.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "cdk.out/**", "frontend/dist/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/support/file-environment.ts"],
    isolate: false,
    // Generous: a side effect that misses the stream is delivered by the outbox sweep within
    // two minutes, and a test waiting for it must outlast that on a loaded runner.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    sequence: { sequencer: LongestFirstSequencer },
    pool: "forks",
    maxWorkers: 2,
    env: {
      POWERTOOLS_METRICS_DISABLED: "true",
      POWERTOOLS_TRACE_ENABLED: "false",
      POWERTOOLS_DEV: "false",
      POWERTOOLS_LOG_LEVEL: "WARN",
    },
  },
});
