import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import { workerDynamoDbEndpoint } from "./worker-dynamodb.ts";

export interface LocalAws {
  dynamodbEndpoint: string;
  /** SNS, SQS and S3 (fauxqs). */
  awsEndpoint: string;
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  streams: DynamoDBStreamsClient;
  s3: S3Client;
  sns: SNSClient;
  sqs: SQSClient;
}

let cached: LocalAws | undefined;

/**
 * Endpoints of the worker's DynamoDB Local and the run's fauxqs (test/global-setup.ts), and SDK
 * clients pointed at them. The DynamoDB Local may be a new process from file to file on the same
 * endpoint (worker-dynamodb.ts), so the clients are kept for the worker.
 */
export function localAws(): LocalAws {
  if (cached) return cached;
  const dynamodbEndpoint = workerDynamoDbEndpoint();
  const awsEndpoint = inject("awsEndpoint");
  const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamodb = new DynamoDBClient({ ...base, endpoint: dynamodbEndpoint });
  cached = {
    dynamodbEndpoint,
    awsEndpoint,
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb),
    streams: new DynamoDBStreamsClient({ ...base, endpoint: dynamodbEndpoint }),
    s3: new S3Client({ ...base, endpoint: awsEndpoint, forcePathStyle: true }),
    sns: new SNSClient({ ...base, endpoint: awsEndpoint }),
    sqs: new SQSClient({ ...base, endpoint: awsEndpoint }),
  };
  return cached;
}
