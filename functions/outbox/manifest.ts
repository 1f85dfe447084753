import type { FunctionDefinition } from "../platform/manifest-types.ts";
import { messaging } from "../platform/messaging-definitions.ts";

/** What delivering a side effect may touch: every channel an outbox message can name. */
const deliveryReach = {
  table: "readWrite",
  publishes: messaging.topics.map((t) => t.id),
  sendsMail: true,
  identityAdmin: true,
} as const satisfies Partial<FunctionDefinition>;

const outboxEntity = { __edb_e__: { S: ["outboxMessage"] } };

/**
 * Delivers outbox messages as the table's stream carries them: new ones, and dead ones an
 * operator redrove. Retries after a failure are the sweep's (with backoff), so a channel that is
 * down never blocks the stream's shard.
 */
export const outboxRelay: FunctionDefinition = {
  id: "outbox-relay",
  description:
    "Delivers side effects written to the outbox (mail, topics, identity changes, read audits, removed indicators)",
  handler: "functions/outbox/outbox-relay.handler.ts",
  stream: {
    filters: [
      { eventName: ["INSERT"], dynamodb: { NewImage: outboxEntity } },
      {
        eventName: ["MODIFY"],
        dynamodb: {
          NewImage: { ...outboxEntity, status: { S: ["pending"] } },
          OldImage: { status: { S: ["dead"] } },
        },
      },
    ],
    batchSize: 20,
    maxRetries: 5,
  },
  ...deliveryReach,
  memoryMb: 512,
  timeoutSeconds: 30,
};

/** Every minute: retries whose backoff passed and messages the stream did not carry. */
export const outboxSweeper: FunctionDefinition = {
  id: "outbox-sweeper",
  description: "Retries due outbox messages; sets aside those out of attempts",
  handler: "functions/outbox/outbox-sweeper.handler.ts",
  schedules: ["outbox-sweep"],
  ...deliveryReach,
  memoryMb: 512,
  timeoutSeconds: 120,
};
