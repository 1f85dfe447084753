/**
 * One text message to send. Providers differ in what they take: AWS End User Messaging sends
 * `text`; mainland providers (Aliyun) send only approved templates, filled with `params`.
 */
export interface SmsMessage {
  /**
   * Which approved template a template provider fills: a warning's, or the digest's (the count
   * of warnings held back). Mainland carriers refuse text outside an approved template, so the
   * digest cannot borrow the warning's template with other words in its variables.
   */
  template: "warning" | "digest";
  /** Mainland mobile, 11 digits (`+86` added by providers that need E.164). */
  to: string;
  text: string;
  params: Readonly<Record<string, string>>;
  /** Stable per (event, recipient): the provider's out-id / context, so a repeat is traceable. */
  reference: string;
}

/**
 * The provider will never deliver to this number (opted out, not a valid number): sending again
 * cannot help, so the delivery is settled as refused instead of failing its queue record into
 * retries and, at last, the DLQ. Other errors (limits, outages) stay retryable.
 */
export class RecipientRefusedError extends Error {
  override readonly name = "RecipientRefusedError";
}

export interface SentSms {
  providerMessageId: string;
}

/** The SMS provider port; adapters in functions/adapters/sms/. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SentSms>;
}

/** Providers chosen by the `CITYRISK_SMS_PROVIDER` setting. */
export const SMS_PROVIDERS = ["local", "aws", "aliyun"] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];
