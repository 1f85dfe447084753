import { afterAll } from "vitest";
import { reloadConfig } from "../../functions/platform/config.ts";
import { restoreEnvironment } from "../../infra/local/process-environment.ts";

// Test files share a worker process (`isolate: false` in vitest.config.ts): whatever a file sets
// in the environment — a table name, a rate limit, an endpoint — is put back when it ends, and
// the functions' configuration is read again, so the next file starts from the run's own.
const before = { ...process.env };

afterAll(() => {
  restoreEnvironment(before);
  reloadConfig();
});
