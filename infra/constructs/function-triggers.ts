import { Aws, Duration, TimeZone } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  Metric,
  Stats,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { StartingPosition } from "aws-cdk-lib/aws-lambda";
import { SqsDlq, SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { ScheduleDefinition } from "../../events/schedules.ts";
import { METRICS_NAMESPACE } from "../../functions/platform/manifest-types.ts";
import { publisherEnvName } from "../../functions/platform/messaging-definitions.ts";
import type { DataResources } from "../stacks/data-stack.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";
import { grantPublish, grantPutEvents } from "./grants.ts";
import { DOMAIN_EVENT_BUS_ID, type MessagingResources } from "./messaging.ts";
import { acknowledge } from "./nag.ts";
import { nagRef } from "./nag-ref.ts";

/**
 * The payload a scheduled function receives: the EventBridge "Scheduled Event" shape, filled
 * from Scheduler context attributes, so the local scheduler can send the identical object.
 */
export function scheduledEventInput(scheduleId: string): ScheduleTargetInput {
  return ScheduleTargetInput.fromObject({
    version: "0",
    id: ContextAttribute.executionId,
    "detail-type": "Scheduled Event",
    source: "aws.scheduler",
    account: Aws.ACCOUNT_ID,
    time: ContextAttribute.scheduledTime,
    region: Aws.REGION,
    resources: [ContextAttribute.scheduleArn],
    detail: { scheduleId },
  });
}

export function addSchedules(fn: CityRiskFunction, schedules: readonly ScheduleDefinition[]): void {
  for (const scheduleId of fn.definition.schedules ?? []) {
    const def = schedules.find((s) => s.id === scheduleId);
    if (!def) throw new Error(`${fn.definition.id}: unknown schedule id "${scheduleId}"`);
    new Schedule(fn, `Schedule-${scheduleId}`, {
      description: def.description,
      schedule: ScheduleExpression.expression(def.expression, TimeZone.of(def.timezone)),
      target: new LambdaInvoke(fn.function, {
        input: scheduledEventInput(scheduleId),
        // A run that cannot start within the hour is superseded by the next one.
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });
  }
  if (fn.definition.schedules?.length) {
    // The target role is created per function by LambdaInvoke at stack level.
    acknowledge(fn.stack, [
      {
        id: `AwsSolutions-IAM5[Resource::${nagRef(fn, fn.function.functionArn)}:*]`,
        reason:
          "Scheduler's LambdaInvoke target grants lambda:InvokeFunction on <function>:* so versions and aliases of this one function can be invoked.",
      },
    ]);
  }
}

/**
 * Stream subscription with the manifest's Lambda filter patterns. When a batch keeps failing
 * (after bisecting down to the poison record), its shard and sequence range land in an SQS
 * queue, so the records can be re-read from the stream (24 h retention) and replayed.
 */
export function addStreamSubscription(fn: CityRiskFunction, data: DataResources | undefined): void {
  const stream = fn.definition.stream;
  if (!stream) return;
  if (!data?.table.tableStreamArn)
    throw new Error(`${fn.definition.id}: stream needs a table with a stream`);
  const failures = new Queue(fn, "StreamFailures", {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(failures, [
    {
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the on-failure destination of the stream subscription.",
    },
  ]);
  // The data stack's stream policy instead of DynamoEventSource, which adds ListStreams on `*`.
  fn.role.addManagedPolicy(data.accessPolicies.stream);
  fn.function.addEventSourceMapping("TableStream", {
    eventSourceArn: data.table.tableStreamArn,
    startingPosition: StartingPosition.LATEST,
    batchSize: stream.batchSize,
    retryAttempts: stream.maxRetries,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    maxRecordAge: Duration.days(1),
    filters: stream.filters.map((pattern) => ({ pattern: JSON.stringify(pattern) })),
    onFailure: new SqsDlq(failures),
  });
}

export function addQueueSubscriptions(
  fn: CityRiskFunction,
  messaging: MessagingResources | undefined,
): void {
  for (const queueId of fn.definition.queues ?? []) {
    if (!messaging) throw new Error(`${fn.definition.id}: queue "${queueId}" needs messaging`);
    // Lambda rejects a mapping whose queue hides messages for less than the function may run.
    const timeout = fn.function.timeout?.toSeconds() ?? 3;
    const {
      visibilityTimeoutSeconds: visibility,
      concurrentBatches,
      batchSize = 10,
    } = messaging.queueDefinition(queueId);
    if (visibility < timeout) {
      throw new Error(
        `${fn.definition.id}: queue "${queueId}" visibility ${visibility}s < function timeout ${timeout}s`,
      );
    }
    fn.function.addEventSource(
      new SqsEventSource(messaging.queue(queueId), {
        batchSize,
        reportBatchItemFailures: true,
        ...(concurrentBatches === undefined ? {} : { maxConcurrency: concurrentBatches }),
      }),
    );
  }
}

/** Topic ids get `TOPIC_ARN_<ID>` env vars; the bus id gets `EVENT_BUS_NAME`. */
export function publisherEnvironment(
  publishes: readonly string[] | undefined,
  messaging: MessagingResources | undefined,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const id of publishes ?? []) {
    if (!messaging) throw new Error(`publishes "${id}" needs messaging`);
    env[publisherEnvName(id)] =
      id === DOMAIN_EVENT_BUS_ID ? messaging.bus.eventBusName : messaging.topic(id).topicArn;
  }
  return env;
}

export function addPublishGrants(
  fn: CityRiskFunction,
  messaging: MessagingResources | undefined,
): void {
  for (const id of fn.definition.publishes ?? []) {
    if (!messaging) throw new Error(`${fn.definition.id}: publishes "${id}" needs messaging`);
    if (id === DOMAIN_EVENT_BUS_ID) grantPutEvents(fn.role, messaging.bus);
    else grantPublish(fn.role, messaging.topic(id), messaging.key);
  }
}

/** The function's alarms (manifest `alarms`) on its own metrics, by its service dimension. */
export function addAlarms(fn: CityRiskFunction): void {
  for (const alarm of fn.definition.alarms ?? []) {
    new Alarm(fn, `Alarm-${alarm.metric}`, {
      alarmDescription: alarm.description,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: alarm.metric,
        dimensionsMap: { service: fn.definition.id },
        statistic: Stats.MAXIMUM,
        period: Duration.hours(alarm.periodHours),
      }),
      threshold: alarm.above,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No run, no figure: the alarm judges the runs there are.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
