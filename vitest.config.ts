import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/support/long-first-sequencer.ts";

// One DynamoDB Local and one SNS/SQS/S3 emulator serve the whole run (test/global-setup.ts);
// each integration test file creates its own table.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "cdk.out/**", "frontend/dist/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
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
