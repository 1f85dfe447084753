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
}

export interface MessagingDefinition {
  topics: readonly TopicDefinition[];
  queues: readonly QueueDefinition[];
}

/**
 * Product topics and queues. Warnings (SMS / e-mail / webhook fan-out) arrive with the warnings
 * issue; until then the constructs and local runners are proven with test fixtures.
 */
export const messaging: MessagingDefinition = {
  topics: [
    { id: "imports", description: "CityRisk spreadsheet import jobs to run" },
    // events/envelope.ts: every product event (review.overdue, risk-level.changed, ...).
    { id: "events", description: "CityRisk product events in their envelope" },
  ],
  queues: [
    // Visibility above the import worker's 300 s timeout (Lambda requires it).
    { id: "imports", topic: "imports", maxReceiveCount: 3, visibilityTimeoutSeconds: 360 },
  ],
};

/** The `publishes` id a function declares to put domain events on the bus. */
export const DOMAIN_EVENT_BUS_ID = "domain-events";

/** What a publisher reads the target of a `publishes` id from: the bus's name or a topic's ARN. */
export function publisherEnvName(publishesId: string): string {
  return publishesId === DOMAIN_EVENT_BUS_ID ? ENV.eventBusName : topicEnvName(publishesId);
}
