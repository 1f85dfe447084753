import {
  digestTemplateParams,
  digestText,
  noticeMail,
  smsTemplateParams,
  smsText,
} from "../../shared/notifications/notice.ts";
import type { SmsSender } from "../../shared/notifications/sms-port.ts";
import type { Mailer } from "../adapters/mail/mailer.ts";
import type { ChannelPort } from "./deliver.ts";

const MOBILE = /^1\d{10}$/;

/** Text messages through the SMS provider port; only mainland mobiles can receive them. */
export function smsPort(sender: () => SmsSender): ChannelPort {
  return {
    channel: "sms",
    addressOf: (r) => (r.phone && MOBILE.test(r.phone) ? r.phone : undefined),
    async send(notice, to, language, reference) {
      const sent = await sender().send({
        template: "warning",
        to,
        text: smsText(notice, language),
        params: smsTemplateParams(notice),
        reference,
      });
      return sent.providerMessageId;
    },
    async sendDigest(to, language, lines, total, reference) {
      const digest = digestText(lines.slice(0, 3), total, language);
      await sender().send({
        template: "digest",
        to,
        text: digest.text,
        params: digestTemplateParams(lines, total),
        reference,
      });
    },
  };
}

/**
 * E-mail through the mailer port (SES on AWS, the local capture here), HTML and text in the
 * recipient's language. The reference becomes the Message-ID, so a repeat is recognisable.
 */
export function emailPort(mailer: () => Mailer, webUrl: () => string): ChannelPort {
  return {
    channel: "email",
    addressOf: (r) => r.email || undefined,
    async send(notice, to, language, reference) {
      const link = `${webUrl()}/warnings?id=${encodeURIComponent(notice.warningId)}`;
      const mail = noticeMail(notice, language, link);
      const sent = await mailer().send({ to: [to], ...mail, messageId: `${reference}@cityrisk` });
      return sent.messageId;
    },
    async sendDigest(to, language, lines, total, reference) {
      await mailer().send({
        to: [to],
        ...digestText(lines, total, language),
        messageId: `${reference}@cityrisk`,
      });
    },
  };
}
