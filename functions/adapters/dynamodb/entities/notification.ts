import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { NotificationPreferencesInput } from "../../../../shared/notifications/preferences.ts";
import { key, tenantPartition } from "./key.ts";

/** An official's notification preferences (channels per level, quiet hours), in their tenant. */
export const notificationPreferencesEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "notificationPreferences", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        userId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true },
        preferences: {
          type: CustomAttributeType<NotificationPreferencesInput>("any"),
          required: true,
        },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byTenant: { pk: tenantPartition, sk: key("sk", "NPREF#${userId}", ["userId"]) },
      },
    },
    config,
  );

/**
 * One (event, recipient, channel) delivery, in the recipient's tenant: created before sending
 * under a condition, so a redelivered queue message finds it and sends nothing twice
 * (functions/notifications/deliver.ts). Dropped after 30 days (TTL).
 */
export const notificationDeliveryEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "notificationDelivery", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        eventId: { type: "string", required: true, readOnly: true },
        userId: { type: "string", required: true, readOnly: true },
        channel: { type: "string", required: true, readOnly: true },
        /** sending (claimed, lease running), sent, failed, muted, held or folded into a digest. */
        status: { type: "string", required: true },
        version: { type: "number", required: true },
        leaseUntil: { type: "string", required: true },
        providerMessageId: { type: "string" },
        updatedAt: { type: "string", required: true },
        expiresAt: { type: "number", required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "NDLV#${eventId}#${userId}#${channel}", ["eventId", "userId", "channel"]),
        },
      },
    },
    config,
  );

/** Messages sent to one recipient on one channel in one rate window (fixed window, TTL). */
export const notificationCounterEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "notificationCounter", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        userId: { type: "string", required: true, readOnly: true },
        channel: { type: "string", required: true, readOnly: true },
        window: { type: "number", required: true, readOnly: true },
        sent: { type: "number", required: true },
        expiresAt: { type: "number", required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "NRATE#${userId}#${channel}#${window}", ["userId", "channel", "window"]),
        },
      },
    },
    config,
  );

/**
 * What was folded for one recipient and channel (over the rate limit, or in quiet hours) until
 * `dueAt`, when the digest schedule sends it as one message. The due index is sparse and small:
 * only open digests are in it.
 */
export const notificationDigestEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "notificationDigest", version: "1", service: "cityrisk" },
      attributes: {
        tenantId: { type: "string", required: true, readOnly: true },
        userId: { type: "string", required: true, readOnly: true },
        channel: { type: "string", required: true, readOnly: true },
        dueAt: { type: "string", required: true },
        to: { type: "string", required: true },
        language: { type: "string", required: true },
        total: { type: "number", required: true },
        lines: { type: "list", items: { type: "string" }, required: true },
        version: { type: "number", required: true },
      },
      indexes: {
        byTenant: {
          pk: tenantPartition,
          sk: key("sk", "NDIG#${userId}#${channel}", ["userId", "channel"]),
        },
        due: {
          index: "gsi3",
          pk: key("gsi3pk", "NDIGDUE", []),
          sk: key("gsi3sk", "${dueAt}#${tenantId}#${userId}#${channel}", [
            "dueAt",
            "tenantId",
            "userId",
            "channel",
          ]),
        },
      },
    },
    config,
  );

/**
 * The local stack's SMS outbox (本地短信发件箱): what the `local` provider "sent", listed by
 * `GET /local/sms` and the web app's local page. Not tenant data; never written on AWS.
 */
export const localSmsEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "localSms", version: "1", service: "cityrisk" },
      attributes: {
        id: { type: "string", required: true, readOnly: true },
        to: { type: "string", required: true },
        text: { type: "string", required: true },
        reference: { type: "string", required: true },
        sentAt: { type: "string", required: true },
      },
      indexes: {
        bySentAt: { pk: key("pk", "LOCALSMS", []), sk: key("sk", "${id}", ["id"]) },
      },
    },
    config,
  );
