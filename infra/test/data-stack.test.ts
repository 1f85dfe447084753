import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { documentsBucket, mainTable } from "../../functions/platform/storage-definitions.ts";
import { DataStack } from "../stacks/data-stack.ts";
import { FEATURE_FLAGS } from "../stacks/feature-flags.ts";
import { stageConfig } from "../stacks/stage-config.ts";
import { logicalId } from "./build-app.ts";

function synthData(stage: string): { stack: DataStack; template: Template } {
  const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false });
  const stack = new DataStack(app, "Data", { config: stageConfig(stage) });
  return { stack, template: Template.fromStack(stack) };
}

describe("DataStack", () => {
  let dev: { stack: DataStack; template: Template };
  let prod: { stack: DataStack; template: Template };
  beforeAll(() => {
    dev = synthData("dev");
    prod = synthData("prod");
  });

  it("lets the web origin PUT evidence photos straight to the bucket (presigned, CORS)", () => {
    const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false });
    const stack = new DataStack(app, "Data", {
      config: stageConfig("dev"),
      corsAllowedOrigins: ["https://cityrisk.example"],
    });
    Template.fromStack(stack).hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: Match.arrayWith(["PUT"]),
            AllowedOrigins: ["https://cityrisk.example"],
            AllowedHeaders: ["*"],
          }),
        ],
      },
    });
  });

  it("builds the table's keys and every GSI from mainTable", () => {
    const key = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: "HASH" },
      { AttributeName: sk, KeyType: "RANGE" },
    ];
    const table = Object.values(dev.template.findResources("AWS::DynamoDB::Table"))[0] as {
      Properties: {
        KeySchema: unknown;
        GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
        AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
      };
    };
    expect(table.Properties.KeySchema).toEqual(key(mainTable.partitionKey, mainTable.sortKey));
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      mainTable.globalIndexes.map((i) => ({
        IndexName: i.name,
        KeySchema: key(i.partitionKey, i.sortKey),
        Projection: { ProjectionType: "ALL" },
      })),
    );
    const attributes = table.Properties.AttributeDefinitions;
    expect(attributes.every((a) => a.AttributeType === "S")).toBe(true);
    expect(new Set(attributes.map((a) => a.AttributeName))).toEqual(
      new Set([
        mainTable.partitionKey,
        mainTable.sortKey,
        ...mainTable.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
      ]),
    );
  });

  it("makes the table on-demand, streamed, TTL'd, PITR-protected and encrypted with the data key", () => {
    dev.template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      TimeToLiveSpecification: { AttributeName: mainTable.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: "KMS",
        KMSMasterKeyId: {
          "Fn::GetAtt": [logicalId(dev.stack.key), "Arn"],
        },
      },
    });
    dev.template.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
  });

  it("encrypts, versions, logs and closes the documents bucket", () => {
    const keyId = logicalId(dev.stack.key);
    dev.template.hasResourceProperties("AWS::S3::Bucket", {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: "aws:kms",
              KMSMasterKeyID: { "Fn::GetAtt": [keyId, "Arn"] },
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: "Enabled" },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            NoncurrentVersionExpiration: {
              NoncurrentDays: documentsBucket.noncurrentVersionExpirationDays,
            },
          }),
          Match.objectLike({ Prefix: "reconciliation/", ExpirationInDays: 30 }),
        ]),
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it("denies non-TLS access to every bucket", () => {
    const buckets = Object.keys(dev.template.findResources("AWS::S3::Bucket"));
    for (const bucketId of buckets) {
      dev.template.hasResourceProperties("AWS::S3::BucketPolicy", {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Deny",
              Action: "s3:*",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    }
  });

  it("retains the key, table and buckets in prod and protects the table from deletion", () => {
    for (const type of ["AWS::KMS::Key", "AWS::DynamoDB::Table", "AWS::S3::Bucket"]) {
      const resources = Object.values(prod.template.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const r of resources) {
        expect(r).toMatchObject({ DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
      }
    }
    prod.template.hasResourceProperties("AWS::DynamoDB::Table", {
      DeletionProtectionEnabled: true,
    });
  });

  it("lets non-prod stages be torn down", () => {
    dev.template.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Delete" });
    dev.template.hasResourceProperties("AWS::DynamoDB::Table", {
      DeletionProtectionEnabled: false,
    });
  });
});
