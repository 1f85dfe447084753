import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type FunctionConfig, fromConfig } from "../../platform/config.ts";
import type { Mailer } from "./mailer.ts";
import { SesMailer } from "./ses-mailer.ts";
import { SmtpMailer } from "./smtp-mailer.ts";

/** SMTP when `smtpUrl` is configured (the local stack), SES otherwise (AWS). */
export function createMailer(
  settings: Pick<FunctionConfig, "mailFrom" | "smtpUrl" | "region">,
): Mailer {
  if (settings.smtpUrl) return new SmtpMailer(settings.smtpUrl, settings.mailFrom);
  return new SesMailer(
    new SESv2Client({ region: settings.region, maxAttempts: 3 }),
    settings.mailFrom,
  );
}

/** The function's mailer, built from its configuration once and reused by warm invocations. */
export const mailer: () => Mailer = fromConfig(createMailer);
