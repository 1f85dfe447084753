import { mailer } from "../adapters/mail/mailer-from-config.ts";
import { smsSender } from "../adapters/sms/sms-from-config.ts";
import { config } from "../platform/config.ts";
import { emailPort, smsPort } from "./channel-ports.ts";

/** The product's channel ports, built from the function's configuration. */
export const productSmsPort = smsPort(smsSender);
export const productEmailPort = emailPort(mailer, () => config().webUrl ?? "");
