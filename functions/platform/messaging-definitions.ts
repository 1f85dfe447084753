import { ENV, topicEnvName } from "./environment.ts";

export { topicEnvName };

/**
 * SNS topics, their per-channel SQS queues (with subscription filter policies and a DLQ each),
 * declared once for the CDK app and the local emulator bootstrap.
 */
export interface TopicDefinition {
  id: string;
  description: string;
}

export interface QueueDefinition {
  id: string;
  /** Topic this queue subscribes to. */
  topic: string;
  /** SNS subscription filter policy on message attributes (SNS filter-policy syntax). */
  filterPolicy?: Record<string, unknown>;
  /** Receives before a message goes to the queue's DLQ. */
  maxReceiveCount: number;
  visibilityTimeoutSeconds: number;
  /**
   * Batches of the queue handled at once: the event source's `maxConcurrency` on AWS (at least
   * 2), that many poll loops on one machine. Unset: Lambda's own scaling on AWS (from five
   * concurrent batches up), five loops locally (`LAMBDA_STARTING_BATCHES`).
   */
  concurrentBatches?: number;
  /** Messages per invocation (the event source's `batchSize`, the local receive's maximum). Default 10. */
  batchSize?: number;
}

export interface MessagingDefinition {
  topics: readonly TopicDefinition[];
  queues: readonly QueueDefinition[];
}

/**
 * Product topics and queues. Product events (events/catalog.ts) fan out from `events` to one
 * queue per delivery channel; each queue's filter policy on the envelope's attributes
 * (events/envelope.ts `eventAttributes`) keeps what the channel never delivers off it.
 */
export const messaging: MessagingDefinition = {
  topics: [
    { id: "imports", description: "CityRisk spreadsheet import jobs to run" },
    { id: "reports", description: "CityRisk report jobs for officials to run" },
    {
      id: "passes",
      description:
        "CityRisk passes to start and their segments to run (re-evaluation, reviews due)",
    },
    {
      id: "events",
      // SNS display names stop at 100 characters.
      description: "CityRisk product events (events/envelope.ts) for SMS, e-mail and webhooks",
    },
  ],
  queues: [
    // Visibility above the import worker's 300 s timeout (Lambda requires it).
    { id: "imports", topic: "imports", maxReceiveCount: 3, visibilityTimeoutSeconds: 360 },
    // Visibility above the pass worker's 900 s timeout: a cut-off segment resumes. One segment
    // an invocation: each has the whole 900 s, and segments run side by side, not ten in a row.
    {
      id: "passes",
      topic: "passes",
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 960,
      batchSize: 1,
    },
    // Visibility above the report worker's 300 s timeout.
    { id: "reports", topic: "reports", maxReceiveCount: 3, visibilityTimeoutSeconds: 360 },
    // Text messages are for warnings only: officials must not be paged for paperwork.
    {
      id: "sms",
      topic: "events",
      filterPolicy: { eventType: [{ prefix: "warning." }] },
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    // Mail also carries the register's events officials act on.
    {
      id: "email",
      topic: "events",
      filterPolicy: {
        eventType: [{ prefix: "warning." }, "review.overdue", "risk-level.changed"],
      },
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    // Every event: endpoints choose their types themselves. An invocation may wait 5 s for a
    // second try (webhooks/fan-out.ts; beside its next records, before it returns), so batches
    // run side by side, not behind it.
    {
      id: "webhooks",
      topic: "events",
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
      concurrentBatches: 10,
    },
  ],
};

/** The `publishes` id a function declares to put domain events on the bus. */
export const DOMAIN_EVENT_BUS_ID = "domain-events";

/** What a publisher reads the target of a `publishes` id from: the bus's name or a topic's ARN. */
export function publisherEnvName(publishesId: string): string {
  return publishesId === DOMAIN_EVENT_BUS_ID ? ENV.eventBusName : topicEnvName(publishesId);
}
