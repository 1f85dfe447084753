import type { OutboxEffect } from "../../shared/outbox/outbox-message.ts";
import type { WebhookEndpoint } from "../../shared/webhooks/endpoint.ts";

const REASONS = {
  gone: {
    zh: "接收方返回 410 Gone，表示不再接收推送",
    en: "the receiver answered 410 Gone, asking for no more deliveries",
  },
  failing: {
    zh: "连续 5 天推送均未成功",
    en: "no delivery succeeded for 5 days",
  },
} as const;

/** The e-mail telling an endpoint's owner it was disabled, in both product languages. */
export function disabledNotice(
  endpoint: WebhookEndpoint,
  reason: keyof typeof REASONS,
): Extract<OutboxEffect, { channel: "mail" }> {
  const why = REASONS[reason];
  return {
    channel: "mail",
    mail: {
      to: [endpoint.ownerEmail ?? ""],
      subject: "CityRisk Webhook 接收地址已停用 / Webhook endpoint disabled",
      text: [
        `您的 Webhook 接收地址 ${endpoint.url} 已停用：${why.zh}。`,
        "修复接收端后，可在“Webhook 接收地址”页面重新启用，并重发失败的消息。",
        "",
        `Your webhook endpoint ${endpoint.url} was disabled: ${why.en}.`,
        "Once the receiver works again, enable it on the Webhook endpoints page and replay the failed messages.",
      ].join("\n"),
    },
  };
}
