/** One outgoing e-mail. `html` is an alternative to `text`, not a replacement: send both. */
export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  html?: string;
  /** A stable id (`local@domain`) so a repeated send is recognisable: the Message-ID over SMTP, a header through SES. */
  messageId?: string;
}

export interface SentMail {
  /** The transport's id: SES's MessageId on AWS, the Message-ID header over SMTP. */
  messageId: string;
}

/** The e-mail port: SES on AWS, SMTP (the local mail capture) on one machine. */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
}
