import { inject } from "vitest";
import { type CapturedMail, readCapturedMail } from "../../infra/local/emulators/mail-capture.ts";

/**
 * What the run's mail capture (test/global-setup.ts) has received, newest first. The capture is
 * shared by every test file: pick your messages by a recipient made with `uniqueName`.
 */
export function capturedMail(): CapturedMail[] {
  return readCapturedMail(inject("mailDir")).reverse();
}

/** `smtp://127.0.0.1:<port>` of the run's mail capture (also in CITYRISK_SMTP_URL). */
export function captureSmtpUrl(): string {
  return inject("smtpUrl");
}
