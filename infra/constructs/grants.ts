import type { IEventBus } from "aws-cdk-lib/aws-events";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { DataAccess } from "../../functions/platform/manifest-types.ts";

/**
 * Explicit action lists. CDK's `grantReadWriteData` & co. emit `kms:GenerateDataKey*`,
 * `kms:ReEncrypt*` and (for streams) `dynamodb:ListStreams` on `*`; here every action is named
 * and every resource is a concrete ARN, so the IAM test can forbid wildcards on data actions.
 * No `Scan`: every access pattern is a key or index query led by the tenant id.
 */
export const TABLE_ACTIONS: Readonly<Record<DataAccess, readonly string[]>> = {
  read: [
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
  ],
  readWrite: [
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:ConditionCheckItem",
    "dynamodb:DescribeTable",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
  ],
};

export const STREAM_ACTIONS: readonly string[] = [
  "dynamodb:DescribeStream",
  "dynamodb:GetRecords",
  "dynamodb:GetShardIterator",
  "dynamodb:ListStreams",
];

export const BUCKET_OBJECT_ACTIONS: Readonly<Record<DataAccess, readonly string[]>> = {
  read: ["s3:GetObject", "s3:GetObjectVersion"],
  readWrite: [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:AbortMultipartUpload",
  ],
};

export const KEY_ACTIONS: Readonly<Record<DataAccess, readonly string[]>> = {
  read: ["kms:Decrypt"],
  readWrite: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
};

function allow(
  grantee: IGrantable,
  actions: readonly string[],
  resources: readonly string[],
): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...actions], resources: [...resources] }),
  );
}

export function grantPublish(grantee: IGrantable, topic: ITopic, key: IKey): void {
  allow(grantee, ["sns:Publish"], [topic.topicArn]);
  allow(grantee, ["kms:Decrypt", "kms:GenerateDataKey"], [key.keyArn]);
}

export function grantPutEvents(grantee: IGrantable, bus: IEventBus): void {
  allow(grantee, ["events:PutEvents"], [bus.eventBusArn]);
}
