import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Mailer, MailMessage, SentMail } from "./mailer.ts";

const UTF8 = "UTF-8";

/**
 * The header that carries the product's stable message id through SES. SES writes its own
 * `Message-ID`, so a repeated send (a crash between SES's acceptance and the delivery's mark)
 * is recognisable by this header instead, as it is by `Message-ID` over SMTP.
 */
export const MESSAGE_ID_HEADER = "X-CityRisk-Message-Id";

/** Sends through Amazon SES (API v2, simple content); `from` must be a verified identity. */
export class SesMailer implements Mailer {
  readonly #client: SESv2Client;
  readonly #from: string;

  constructor(client: SESv2Client, from: string) {
    this.#client = client;
    this.#from = from;
  }

  async send(message: MailMessage): Promise<SentMail> {
    const output = await this.#client.send(
      new SendEmailCommand({
        FromEmailAddress: this.#from,
        Destination: { ToAddresses: [...message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: UTF8 },
            Body: {
              Text: { Data: message.text, Charset: UTF8 },
              ...(message.html === undefined
                ? {}
                : { Html: { Data: message.html, Charset: UTF8 } }),
            },
            ...(message.messageId === undefined
              ? {}
              : { Headers: [{ Name: MESSAGE_ID_HEADER, Value: message.messageId }] }),
          },
        },
      }),
    );
    if (!output.MessageId) throw new Error("SES SendEmail returned no MessageId");
    return { messageId: output.MessageId };
  }
}
