import { Duration, type RemovalPolicy } from "aws-cdk-lib";
import { EventBus } from "aws-cdk-lib/aws-events";
import { Key } from "aws-cdk-lib/aws-kms";
import { type CfnSubscription, Topic } from "aws-cdk-lib/aws-sns";
import { SqsSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import {
  DOMAIN_EVENT_BUS_ID,
  type MessagingDefinition,
  type QueueDefinition,
} from "../../functions/platform/messaging-definitions.ts";

export { DOMAIN_EVENT_BUS_ID };

export interface MessagingProps {
  readonly definition: MessagingDefinition;
  readonly removalPolicy: RemovalPolicy;
}

/** What functions need from messaging; looked up by the ids the manifest uses. */
export interface MessagingResources {
  readonly key: Key;
  readonly bus: EventBus;
  topic(id: string): Topic;
  queue(id: string): Queue;
  queueDefinition(id: string): QueueDefinition;
  readonly topicIds: readonly string[];
}

/**
 * Domain-event bus plus the SNS → SQS fan-out built from the messaging definition: each queue
 * subscribes to its topic with the definition's filter policy, and shares one DLQ between SNS
 * delivery failures (subscription redrive) and consumer failures (queue redrive).
 */
export class Messaging extends Construct implements MessagingResources {
  readonly key: Key;
  readonly bus: EventBus;
  readonly topicIds: readonly string[];
  private readonly topics = new Map<string, Topic>();
  private readonly queues = new Map<string, Queue>();
  readonly deadLetterQueues = new Map<string, Queue>();
  private readonly definition: MessagingDefinition;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const { definition } = props;
    this.definition = definition;

    this.key = new Key(this, "TopicKey", {
      description: "CityRisk SNS topic encryption",
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    this.bus = new EventBus(this, "DomainEventBus", {
      description: "CityRisk domain events (risk level changes, warnings raised, ...)",
    });

    for (const t of definition.topics) {
      const topic = new Topic(this, `Topic-${t.id}`, {
        displayName: t.description,
        masterKey: this.key,
        enforceSSL: true,
      });
      this.topics.set(t.id, topic);
    }
    this.topicIds = definition.topics.map((t) => t.id);

    for (const q of definition.queues) {
      const topic = this.topic(q.topic);
      // SQS-managed encryption: SNS can deliver to it without a key-policy grant to sns.amazonaws.com.
      const dlq = new Queue(this, `Dlq-${q.id}`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
        removalPolicy: props.removalPolicy,
      });
      const queue = new Queue(this, `Queue-${q.id}`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(q.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: dlq, maxReceiveCount: q.maxReceiveCount },
        removalPolicy: props.removalPolicy,
      });
      const subscription = topic.addSubscription(
        new SqsSubscription(queue, { deadLetterQueue: dlq }),
      );
      if (q.filterPolicy) {
        // The definition is already SNS filter-policy JSON (shared with the local emulator);
        // writing it verbatim avoids a lossy round trip through sns.SubscriptionFilter.
        const cfn = subscription.node.defaultChild as CfnSubscription;
        cfn.filterPolicy = q.filterPolicy;
        cfn.filterPolicyScope = "MessageAttributes";
      }
      this.queues.set(q.id, queue);
      this.deadLetterQueues.set(q.id, dlq);
    }
  }

  topic(id: string): Topic {
    const topic = this.topics.get(id);
    if (!topic) throw new Error(`unknown topic id "${id}"`);
    return topic;
  }

  queue(id: string): Queue {
    const queue = this.queues.get(id);
    if (!queue) throw new Error(`unknown queue id "${id}"`);
    return queue;
  }

  queueDefinition(id: string): QueueDefinition {
    const def = this.definition.queues.find((q) => q.id === id);
    if (!def) throw new Error(`unknown queue id "${id}"`);
    return def;
  }
}
