import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  SetSubscriptionAttributesCommand,
  type SNSClient,
  SubscribeCommand,
  type Subscription,
} from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueNameExists,
  SetQueueAttributesCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type {
  MessagingDefinition,
  QueueDefinition,
} from "../../../functions/platform/messaging-definitions.ts";
import { deadLetterQueueName, localResourceName } from "./resource-names.ts";

export interface QueueResource {
  url: string;
  arn: string;
}

export interface MessagingResources {
  /** topic id → ARN */
  topicArns: Record<string, string>;
  /** queue id → URL (what the queue poller and publishers need) */
  queueUrls: Record<string, string>;
  queues: Record<string, QueueResource & { deadLetter: QueueResource; subscriptionArn: string }>;
}

const DLQ_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * Topics, queues, DLQs (RedrivePolicy) and SNS→SQS subscriptions with their filter policies, as
 * the CDK app builds them: `SqsSubscription` without raw delivery, so consumers get the SNS
 * envelope in the SQS body. Idempotent.
 */
export async function ensureMessaging(
  sns: SNSClient,
  sqs: SQSClient,
  messaging: MessagingDefinition,
  prefix: string,
): Promise<MessagingResources> {
  const topicArns: Record<string, string> = {};
  for (const topic of messaging.topics) {
    const created = await sns.send(
      new CreateTopicCommand({ Name: localResourceName(prefix, topic.id) }),
    );
    if (!created.TopicArn) throw new Error(`no ARN for topic ${topic.id}`);
    topicArns[topic.id] = created.TopicArn;
  }
  const queueUrls: Record<string, string> = {};
  const queues: MessagingResources["queues"] = {};
  for (const queue of messaging.queues) {
    const topicArn = topicArns[queue.topic];
    if (!topicArn) throw new Error(`queue ${queue.id} subscribes to unknown topic ${queue.topic}`);
    const deadLetter = await ensureQueue(sqs, deadLetterQueueName(prefix, queue.id), {
      MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
    });
    const main = await ensureQueue(
      sqs,
      localResourceName(prefix, queue.id),
      queueAttributes(queue, deadLetter.arn),
    );
    const subscriptionArn = await ensureSubscription(sns, topicArn, main.arn, queue.filterPolicy);
    queueUrls[queue.id] = main.url;
    queues[queue.id] = { ...main, deadLetter, subscriptionArn };
  }
  return { topicArns, queueUrls, queues };
}

function queueAttributes(queue: QueueDefinition, deadLetterArn: string): Record<string, string> {
  return {
    VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: deadLetterArn,
      maxReceiveCount: queue.maxReceiveCount,
    }),
  };
}

async function ensureQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<QueueResource> {
  let url: string | undefined;
  try {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes })))
      .QueueUrl;
  } catch (error) {
    if (!(error instanceof QueueNameExists)) throw error;
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  if (!url) throw new Error(`no URL for queue ${name}`);
  const described = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }),
  );
  const arn = described.Attributes?.QueueArn;
  if (!arn) throw new Error(`no ARN for queue ${name}`);
  return { url, arn };
}

async function ensureSubscription(
  sns: SNSClient,
  topicArn: string,
  queueArn: string,
  filterPolicy: Record<string, unknown> | undefined,
): Promise<string> {
  const existing = await findSubscription(sns, topicArn, queueArn);
  const policy = filterPolicy ? JSON.stringify(filterPolicy) : undefined;
  if (existing?.SubscriptionArn) {
    if (policy) {
      await sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn: existing.SubscriptionArn,
          AttributeName: "FilterPolicy",
          AttributeValue: policy,
        }),
      );
    }
    return existing.SubscriptionArn;
  }
  const created = await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: queueArn,
      ReturnSubscriptionArn: true,
      Attributes: policy ? { FilterPolicy: policy, FilterPolicyScope: "MessageAttributes" } : {},
    }),
  );
  if (!created.SubscriptionArn) throw new Error(`no subscription ARN for ${queueArn}`);
  return created.SubscriptionArn;
}

async function findSubscription(
  sns: SNSClient,
  topicArn: string,
  queueArn: string,
): Promise<Subscription | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }),
    );
    const found = page.Subscriptions?.find((s) => s.Protocol === "sqs" && s.Endpoint === queueArn);
    if (found) return found;
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}
