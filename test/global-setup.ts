import type { TestProject } from "vitest/node";
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from "../infra/local/dynamodb-local/start-dynamodb-local.ts";
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
  }
}

let dynamodb: DynamoDbLocal | undefined;
let emulators: AwsEmulators | undefined;

/**
 * One DynamoDB Local and one SNS/SQS/S3 emulator for the whole run. Endpoints reach tests through
 * `inject` and, for handlers that build SDK clients from the environment, through the SDK's
 * service-specific endpoint variables (forked workers inherit them).
 */
export async function setup(project: TestProject): Promise<void> {
  [dynamodb, emulators] = await Promise.all([
    startDynamoDbLocal({ inMemory: true }),
    startAwsEmulators(),
  ]);
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("awsEndpoint", emulators.endpoint);
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb.endpoint,
    AWS_ENDPOINT_URL_SNS: emulators.endpoint,
    AWS_ENDPOINT_URL_SQS: emulators.endpoint,
    AWS_ENDPOINT_URL_S3: emulators.endpoint,
  });
}

export async function teardown(): Promise<void> {
  await Promise.all([dynamodb?.stop(), emulators?.stop()]);
}
