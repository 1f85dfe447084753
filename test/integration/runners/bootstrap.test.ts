import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { GetSubscriptionAttributesCommand } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { mainTable } from "../../../functions/platform/storage-definitions.ts";
import { ensureBucket } from "../../../infra/local/bootstrap/ensure-bucket.ts";
import { ensureMessaging } from "../../../infra/local/bootstrap/ensure-messaging.ts";
import { ensureTable } from "../../../infra/local/bootstrap/ensure-table.ts";
import { fixtureMessaging } from "../../fixtures/fixture-manifest.ts";
import { localAws } from "../../support/local-aws.ts";
import { uniqueName } from "../../support/unique-name.ts";

describe("ensureTable", () => {
  it("creates the table from mainTable and is idempotent", async () => {
    const { dynamodb } = localAws();
    const name = uniqueName("table");

    const first = await ensureTable(dynamodb, name, mainTable);
    const second = await ensureTable(dynamodb, name, mainTable);

    expect(second).toEqual(first);
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(
      Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema, i.Projection]),
    ).toEqual(
      mainTable.globalIndexes.map((i) => [
        i.name,
        [
          { AttributeName: i.partitionKey, KeyType: "HASH" },
          { AttributeName: i.sortKey, KeyType: "RANGE" },
        ],
        { ProjectionType: "ALL" },
      ]),
    );
    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    });
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    if (first.ttlEnabled) {
      const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe(mainTable.ttlAttribute);
    }
  });
});

describe("ensureBucket", () => {
  it("creates a bucket once", async () => {
    const name = uniqueName("bucket");
    await ensureBucket(localAws().s3, name);
    await expect(ensureBucket(localAws().s3, name)).resolves.toBeUndefined();
  });
});

describe("ensureMessaging", () => {
  it("creates topics, queues with DLQ redrive and filtered envelope subscriptions, idempotently", async () => {
    const { sns, sqs } = localAws();
    const prefix = uniqueName("msg");

    const first = await ensureMessaging(sns, sqs, fixtureMessaging, prefix);
    const second = await ensureMessaging(sns, sqs, fixtureMessaging, prefix);

    expect(second).toEqual(first);
    const sms = first.queues["fixture-sms"];
    const { Attributes: queue } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: sms?.url, AttributeNames: ["All"] }),
    );
    expect(JSON.parse(queue?.RedrivePolicy ?? "{}")).toEqual({
      deadLetterTargetArn: sms?.deadLetter.arn,
      maxReceiveCount: 3,
    });
    expect(queue?.VisibilityTimeout).toBe("30");
    const { Attributes: subscription } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn: sms?.subscriptionArn }),
    );
    expect(JSON.parse(subscription?.FilterPolicy ?? "{}")).toEqual({
      level: ["major", "significant"],
    });
    expect(subscription?.RawMessageDelivery ?? "false").toBe("false");
  });
});
