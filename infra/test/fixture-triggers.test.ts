import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { topicEnvName } from "../../functions/platform/messaging-definitions.ts";
import {
  fixtureManifest,
  fixtureMessaging,
  fixtureSchedules,
} from "../../test/fixtures/fixture-manifest.ts";
import { type BuiltApp, buildApp, logicalId } from "./build-app.ts";

/** Triggers other than HTTP, proven with the fixture manifest (one function of each kind). */
describe("fixture manifest triggers", () => {
  let built: BuiltApp;
  let api: Template;
  let messaging: Template;
  const fnId = (id: string): string => {
    const fn = built.api.functions.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    return logicalId(fn.function);
  };
  beforeAll(() => {
    built = buildApp({
      manifest: fixtureManifest,
      schedules: fixtureSchedules,
      messaging: fixtureMessaging,
    });
    api = Template.fromStack(built.api);
    messaging = Template.fromStack(built.messaging);
  });

  it("schedules the scheduled function with the definition's expression and time zone", () => {
    const [def] = fixtureSchedules;
    const schedules = Object.values(api.findResources("AWS::Scheduler::Schedule"));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      Properties: {
        ScheduleExpression: def?.expression,
        ScheduleExpressionTimezone: def?.timezone,
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: {
          Arn: { "Fn::GetAtt": [fnId("fixture-schedule"), "Arn"] },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        },
      },
    });
    const input = JSON.stringify(
      (schedules[0] as { Properties: { Target: { Input: unknown } } }).Properties.Target.Input,
    );
    expect(input).toContain("Scheduled Event");
    expect(input).toContain(def?.id);
  });

  it("maps the table stream to the stream function with the manifest's filter patterns", () => {
    const stream = fixtureManifest.find((f) => f.id === "fixture-stream")?.stream;
    api.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: fnId("fixture-stream") },
      EventSourceArn: { "Fn::ImportValue": Match.stringLikeRegexp("MainTable.*StreamArn") },
      FilterCriteria: { Filters: stream?.filters.map((f) => ({ Pattern: JSON.stringify(f) })) },
      BatchSize: stream?.batchSize,
      MaximumRetryAttempts: stream?.maxRetries,
      BisectBatchOnFunctionError: true,
      StartingPosition: "LATEST",
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: {
        OnFailure: {
          Destination: { "Fn::GetAtt": [Match.stringLikeRegexp("StreamFailures"), "Arn"] },
        },
      },
    });
  });

  it("subscribes each queue to its topic with the exact filter policy and a DLQ redrive", () => {
    for (const q of fixtureMessaging.queues) {
      const queue = built.messaging.messaging.queue(q.id);
      const dlq = built.messaging.messaging.deadLetterQueues.get(q.id);
      if (!dlq) throw new Error(`no DLQ for ${q.id}`);
      messaging.hasResourceProperties("AWS::SNS::Subscription", {
        Protocol: "sqs",
        TopicArn: { Ref: logicalId(built.messaging.messaging.topic(q.topic)) },
        Endpoint: { "Fn::GetAtt": [logicalId(queue), "Arn"] },
        FilterPolicy: q.filterPolicy,
        FilterPolicyScope: "MessageAttributes",
        RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [logicalId(dlq), "Arn"] } },
      });
      messaging.hasResourceProperties("AWS::SQS::Queue", {
        VisibilityTimeout: q.visibilityTimeoutSeconds,
        SqsManagedSseEnabled: true,
        RedrivePolicy: {
          deadLetterTargetArn: { "Fn::GetAtt": [logicalId(dlq), "Arn"] },
          maxReceiveCount: q.maxReceiveCount,
        },
      });
    }
  });

  it("encrypts topics with the messaging key", () => {
    messaging.allResourcesProperties("AWS::SNS::Topic", {
      KmsMasterKeyId: { "Fn::GetAtt": [logicalId(built.messaging.messaging.key), "Arn"] },
    });
  });

  it("feeds the queue consumer from its queue with partial batch failures", () => {
    api.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: fnId("fixture-queue") },
      EventSourceArn: { "Fn::ImportValue": Match.stringLikeRegexp("Queuefixturesms") },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
  });

  it("lets the publisher publish to its topic, and tells it the topic's ARN", () => {
    const resource = api.toJSON().Resources[fnId("fixture-queue")];
    expect(Object.keys(resource.Properties.Environment.Variables)).toContain(
      topicEnvName("fixture-warnings"),
    );
    api.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: "sns:Publish",
            Resource: { "Fn::ImportValue": Match.stringLikeRegexp("Topicfixturewarnings") },
          }),
        ]),
      },
    });
  });

  it("attaches to each function only the data policies its entry declares", () => {
    const policies = built.data.accessPolicies;
    const attached = (id: string): unknown[] => {
      const fn = built.api.functions.get(id);
      if (!fn) throw new Error(`no function ${id}`);
      return api.toJSON().Resources[logicalId(fn.role)].Properties.ManagedPolicyArns ?? [];
    };
    const importOf = (policy: typeof policies.stream) =>
      expect.objectContaining({
        "Fn::ImportValue": expect.stringContaining(logicalId(policy).slice(0, 20)),
      });
    expect(attached("fixture-http")).toEqual([
      importOf(policies.table.readWrite),
      importOf(policies.bucket.read),
    ]);
    expect(attached("fixture-schedule")).toEqual([importOf(policies.table.read)]);
    expect(attached("fixture-stream")).toEqual([
      importOf(policies.table.read),
      importOf(policies.stream),
    ]);
    expect(attached("fixture-queue")).toEqual([]);
  });
});
