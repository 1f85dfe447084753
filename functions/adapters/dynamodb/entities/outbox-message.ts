import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { OutboxMessage } from "../../../../shared/outbox/outbox-message.ts";
import { key, tenantPartition } from "./key.ts";

/** Partitions of the undelivered-messages index, so sweeps at city scale have no hot key. */
export const OUTBOX_SHARDS = 8;

/**
 * A side effect waiting in the tenant's partition, written with the change it follows. While it
 * is not delivered it is also in the sparse `undelivered` index (`OB#pending#<shard>` by next
 * attempt time, `OB#dead#<shard>` once set aside), which sweeps and the redrive read.
 */
export const outboxMessageEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "outboxMessage", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        id: { type: "string", required: true, readOnly: true },
        status: { type: "string", required: true },
        shard: { type: "number", required: true },
        nextAttemptAt: { type: "string", required: true },
        attempts: { type: "number", required: true },
        record: { type: CustomAttributeType<OutboxMessage>("any"), required: true },
        /** TTL (epoch seconds): a delivered message's marker is kept a week, then DynamoDB drops it. */
        expiresAt: { type: "number" },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "OB#${id}", ["id"]) },
        undelivered: {
          index: "gsi3",
          condition: (attrs) => attrs.status !== "delivered",
          pk: key("gsi3pk", "OB#${status}#${shard}", ["status", "shard"]),
          sk: key("gsi3sk", "${nextAttemptAt}#${id}", ["nextAttemptAt", "id"]),
        },
      },
    },
    config,
  );
