import { afterAll, inject } from "vitest";
import { reloadConfig } from "../../functions/platform/config.ts";
import { SHARED_EMULATORS_ENV } from "../../infra/local/emulators/shared-emulators.ts";
import { restoreEnvironment } from "../../infra/local/process-environment.ts";
import { workerDynamoDb } from "./worker-dynamodb.ts";

// Every file of a worker reaches the worker's own DynamoDB Local (worker-dynamodb.ts), fresh
// enough for the file; the run's fauxqs and mail capture are shared (test/global-setup.ts).
// Handlers that build clients from the environment take the endpoint from the SDK's
// service-specific variables; stacks a test starts take both from SHARED_EMULATORS_ENV.
const dynamodb = await workerDynamoDb();
Object.assign(process.env, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamodb,
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb,
  [SHARED_EMULATORS_ENV]: JSON.stringify({ dynamodb, aws: inject("awsEndpoint") }),
});

// Test files share a worker process (`isolate: false` in vitest.config.ts): whatever a file sets
// in the environment — a table name, a rate limit, an endpoint — is put back when it ends, and
// the functions' configuration is read again, so the next file starts from the run's own.
const before = { ...process.env };

afterAll(() => {
  restoreEnvironment(before);
  reloadConfig();
});
