import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from "../infra/local/dynamodb-local/start-dynamodb-local.ts";
import {
  capturedMailDir,
  type MailCapture,
  startMailCapture,
} from "../infra/local/emulators/mail-capture.ts";
import { SHARED_EMULATORS_ENV } from "../infra/local/emulators/shared-emulators.ts";
import {
  type AwsEmulators,
  startAwsEmulators,
} from "../infra/local/emulators/start-aws-emulators.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/runners/local-account.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** DynamoDB Local (in memory), shared by the whole run. */
    dynamodbEndpoint: string;
    /** fauxqs: SNS, SQS and S3 on one endpoint (S3 path-style). */
    awsEndpoint: string;
    /** The SMTP mail capture (also in CITYRISK_SMTP_URL); what it receives lands as JSON in `mailDir`. */
    smtpUrl: string;
    mailDir: string;
  }
}

let dynamodb: DynamoDbLocal | undefined;
let emulators: AwsEmulators | undefined;
let mail: MailCapture | undefined;
let mailDataDir: string | undefined;

/**
 * One DynamoDB Local, one SNS/SQS/S3 emulator and one SMTP mail capture for the whole run.
 * Endpoints reach tests through `inject` and, for handlers that build clients from the environment,
 * through the SDK's service-specific endpoint variables and CITYRISK_SMTP_URL (forked workers
 * inherit them). Tests read captured mail with `test/support/captured-mail.ts`.
 */
export async function setup(project: TestProject): Promise<void> {
  mailDataDir = mkdtempSync(join(tmpdir(), "cityrisk-test-mail-"));
  [dynamodb, emulators, mail] = await Promise.all([
    // A loaded runner can take longer than the interactive 30 s to start the JVM.
    startDynamoDbLocal({ inMemory: true, startTimeoutMs: 120_000 }),
    startAwsEmulators(),
    startMailCapture({ dataDir: mailDataDir }),
  ]);
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("awsEndpoint", emulators.endpoint);
  project.provide("smtpUrl", mail.smtpUrl);
  project.provide("mailDir", capturedMailDir(mailDataDir));
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SNS: emulators.endpoint,
    AWS_ENDPOINT_URL_SQS: emulators.endpoint,
    AWS_ENDPOINT_URL_S3: emulators.endpoint,
    CITYRISK_SMTP_URL: mail.smtpUrl,
    // Stacks that tests start use these too, rather than a DynamoDB Local (a JVM) each.
    [SHARED_EMULATORS_ENV]: JSON.stringify({
      dynamodb: dynamodb.endpoint,
      aws: emulators.endpoint,
    }),
  });
}

export async function teardown(): Promise<void> {
  await Promise.all([dynamodb?.stop(), emulators?.stop(), mail?.stop()]);
  if (mailDataDir) rmSync(mailDataDir, { recursive: true, force: true });
}
