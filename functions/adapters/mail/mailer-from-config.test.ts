import { describe, expect, it } from "vitest";
import { createMailer } from "./mailer-from-config.ts";
import { SesMailer } from "./ses-mailer.ts";
import { SmtpMailer } from "./smtp-mailer.ts";

describe("createMailer", () => {
  it("sends over SMTP when an SMTP URL is configured (the local stack)", () => {
    const mailer = createMailer({
      mailFrom: "noreply@cityrisk.local",
      smtpUrl: "smtp://127.0.0.1:2525",
      region: "us-east-1",
    });

    expect(mailer).toBeInstanceOf(SmtpMailer);
  });

  it("sends through SES when no SMTP URL is configured (AWS)", () => {
    const mailer = createMailer({
      mailFrom: "noreply@cityrisk.local",
      smtpUrl: undefined,
      region: "us-east-1",
    });

    expect(mailer).toBeInstanceOf(SesMailer);
  });
});
