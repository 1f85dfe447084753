import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { ensurePrivateDir, writePrivateFile } from "../private-files.ts";

/** Largest message the capture accepts (SES's own limit is 40 MB; local mail is small). */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** One e-mail as the capture received it. Attachments are listed, their content is not kept. */
export interface CapturedMail {
  /** Sorts in arrival order. */
  id: string;
  receivedAt: string;
  messageId: string | null;
  /** The From header as text, e.g. `noreply@cityrisk.local`. */
  from: string;
  /** Envelope recipients (RCPT TO), so Bcc recipients are listed too. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

export interface MailCaptureOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  /**
   * Messages persist as JSON under `<dataDir>/mail` (folder 0700, files 0600: they carry
   * invitation links); without it they are kept in memory only.
   */
  dataDir?: string;
}

export interface MailCapture {
  port: number;
  /** What `CITYRISK_SMTP_URL` should be for senders. */
  smtpUrl: string;
  /** Captured messages, newest first. */
  list(): CapturedMail[];
  clear(): void;
  stop(): Promise<void>;
}

/**
 * The local stand-in for SES: an SMTP server (no auth, no TLS, loopback only) that parses every
 * message with mailparser and keeps it, so developers and tests can read what the product sent.
 * A message is stored before the SMTP reply, so a sender's `send` resolving means it is listed.
 */
export async function startMailCapture(options: MailCaptureOptions = {}): Promise<MailCapture> {
  const dir = options.dataDir ? capturedMailDir(options.dataDir) : undefined;
  if (dir) ensurePrivateDir(dir);
  const messages: CapturedMail[] = dir ? readCapturedMail(dir) : [];
  let sequence = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) throw new Error("message exceeds the size limit");
          const receivedAt = new Date();
          const mail: CapturedMail = {
            id: `${receivedAt.getTime().toString().padStart(15, "0")}-${String(sequence++).padStart(6, "0")}-${randomBytes(3).toString("hex")}`,
            receivedAt: receivedAt.toISOString(),
            messageId: parsed.messageId ?? null,
            from: addressText(parsed.from) || envelopeAddress(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? null,
              contentType: a.contentType,
              size: a.size,
            })),
          };
          if (dir) writePrivateFile(join(dir, `${mail.id}.json`), JSON.stringify(mail));
          messages.push(mail);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    list: () => [...messages].reverse(),
    clear: () => {
      messages.length = 0;
      if (!dir) return;
      rmSync(dir, { recursive: true, force: true });
      ensurePrivateDir(dir);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where a capture started with `dataDir` persists its messages. */
export function capturedMailDir(dataDir: string): string {
  return join(dataDir, "mail");
}

/** Messages persisted under `dir` (as `startMailCapture` writes them), oldest first. */
export function readCapturedMail(dir: string): CapturedMail[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as CapturedMail);
}

function addressText(address: AddressObject | undefined): string {
  return address?.text ?? "";
}

function envelopeAddress(address: false | { address: string }): string {
  return address ? address.address : "";
}
