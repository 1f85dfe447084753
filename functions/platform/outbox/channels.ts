import type { OutboxEffect, OutboxMessage } from "../../../shared/outbox/outbox-message.ts";
import { identityAdmin } from "../../adapters/identity/identity-admin-from-config.ts";
import { mailer } from "../../adapters/mail/mailer-from-config.ts";
import { publishToTopic } from "../../adapters/messaging/topic-publisher.ts";
import { writeReadRecords } from "../../audit/audit-log.ts";
import { removeIndicatorsOf } from "../../warnings/indicator-removal.ts";
import { functionStore } from "../data/request-store.ts";

type EffectOf<C extends OutboxEffect["channel"]> = Extract<OutboxEffect, { channel: C }>;

/** How each channel carries out an effect; every one is safe to repeat for the same message. */
export type Channels = {
  [C in OutboxEffect["channel"]]: (effect: EffectOf<C>, message: OutboxMessage) => Promise<void>;
};

export const productChannels: Channels = {
  // The message id becomes the Message-ID header over SMTP, so a repeat is recognisable.
  mail: async (effect, message) => {
    await mailer().send({ ...effect.mail, messageId: `${message.id}@outbox.cityrisk` });
  },
  // Consumers recognise a repeat by the `outboxId` attribute.
  topic: (effect, message) =>
    publishToTopic(effect.topic, effect.message, { ...effect.attributes, outboxId: message.id }),
  // Wanted states, not differences: repeating them changes nothing.
  identity: async (effect) => {
    const idp = identityAdmin();
    if (effect.enabled !== undefined) await idp.setLoginEnabled(effect.email, effect.enabled);
    if (effect.claims) await idp.setLoginClaims(effect.email, effect.claims);
  },
  // Each record is named by the message: a repeat writes the same items again.
  audit: (effect, message) => writeReadRecords(functionStore(), effect, message.id),
  // Deleting what is gone already changes nothing.
  indicators: async (effect) => {
    await removeIndicatorsOf(functionStore(), effect.tenantId, effect.riskSourceId);
  },
};

/** Runs an effect on its channel. */
export function runEffect(channels: Channels, message: OutboxMessage): Promise<void> {
  const effect = message.effect;
  switch (effect.channel) {
    case "mail":
      return channels.mail(effect, message);
    case "topic":
      return channels.topic(effect, message);
    case "identity":
      return channels.identity(effect, message);
    case "audit":
      return channels.audit(effect, message);
    case "indicators":
      return channels.indicators(effect, message);
  }
}
