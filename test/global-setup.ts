import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  capturedMailDir,
  type MailCapture,
  startMailCapture,
} from "../infra/local/emulators/mail-capture.ts";
import {
  type AwsEmulators,
  startAwsEmulators,
} from "../infra/local/emulators/start-aws-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/runners/local-account.ts";
import { stopWorkerProcesses, WORKER_PROCESSES_ENV } from "./support/worker-dynamodb.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** fauxqs: SNS, SQS and S3 on one endpoint (S3 path-style). */
    awsEndpoint: string;
    /** The SMTP mail capture (also in CITYRISK_SMTP_URL); what it receives lands as JSON in `mailDir`. */
    smtpUrl: string;
    mailDir: string;
  }
}

let emulators: AwsEmulators | undefined;
let mail: MailCapture | undefined;
let mailDataDir: string | undefined;
let workerProcesses: string | undefined;

/**
 * One SNS/SQS/S3 emulator and one SMTP mail capture for the whole run; DynamoDB Local is one per
 * worker (test/support/worker-dynamodb.ts, started by the setup file). Endpoints reach tests
 * through `inject` and, for handlers that build clients from the environment, through the SDK's
 * service-specific endpoint variables and CITYRISK_SMTP_URL (forked workers inherit them). Tests
 * read captured mail with `test/support/captured-mail.ts`.
 */
export async function setup(project: TestProject): Promise<void> {
  mailDataDir = mkdtempSync(join(tmpdir(), "cityrisk-test-mail-"));
  workerProcesses = mkdtempSync(join(tmpdir(), "cityrisk-test-workers-"));
  [emulators, mail] = await Promise.all([
    startAwsEmulators(),
    startMailCapture({ dataDir: mailDataDir }),
  ]);
  project.provide("awsEndpoint", emulators.endpoint);
  project.provide("smtpUrl", mail.smtpUrl);
  project.provide("mailDir", capturedMailDir(mailDataDir));
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_SNS: emulators.endpoint,
    AWS_ENDPOINT_URL_SQS: emulators.endpoint,
    AWS_ENDPOINT_URL_S3: emulators.endpoint,
    CITYRISK_SMTP_URL: mail.smtpUrl,
    [WORKER_PROCESSES_ENV]: workerProcesses,
  });
}

export async function teardown(): Promise<void> {
  await Promise.all([emulators?.stop(), mail?.stop()]);
  if (mailDataDir) rmSync(mailDataDir, { recursive: true, force: true });
  // The workers' DynamoDB Locals: a worker that ends runs no exit handler to stop its own.
  if (workerProcesses) stopWorkerProcesses(workerProcesses);
}
