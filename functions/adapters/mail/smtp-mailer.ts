import { createTransport } from "nodemailer";
import type { Mailer, MailMessage, SentMail } from "./mailer.ts";

/** Sends over SMTP with nodemailer; locally to the mail capture (`smtp://127.0.0.1:<port>`). */
export class SmtpMailer implements Mailer {
  readonly #transport: ReturnType<typeof createTransport>;
  readonly #from: string;

  /** `url` like `smtp://127.0.0.1:2525` or `smtps://user:pass@host:465`. */
  constructor(url: string, from: string) {
    this.#transport = createTransport(url);
    this.#from = from;
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.#transport.sendMail({
      from: this.#from,
      to: [...message.to],
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
      ...(message.messageId === undefined ? {} : { messageId: `<${message.messageId}>` }),
    });
    return { messageId: info.messageId };
  }

  close(): void {
    this.#transport.close();
  }
}
