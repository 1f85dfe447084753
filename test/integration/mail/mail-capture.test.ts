import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  capturedMailDir,
  type MailCapture,
  startMailCapture,
} from "../../../infra/local/emulators/mail-capture.ts";

// The local SES stand-in on its own: what it keeps, in which order, and what survives a restart.
function send(capture: MailCapture, message: Record<string, unknown>) {
  const transport = createTransport(capture.smtpUrl);
  return transport.sendMail({ from: "noreply@cityrisk.local", ...message }).finally(() => {
    transport.close();
  });
}

describe("the mail capture", () => {
  let dataDir: string;
  let capture: MailCapture | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "cityrisk-mail-"));
  });

  afterEach(async () => {
    await capture?.stop();
    capture = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  // Issue 10, Found 10: captured mail carries invitation links, so others on the machine must
  // not read it.
  it("keeps messages readable by their owner only (folder 0700, files 0600)", async () => {
    capture = await startMailCapture({ dataDir });
    await send(capture, { to: "invitee@city.demo", subject: "邀请", text: "link" });

    const dir = capturedMailDir(dataDir);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, files[0] ?? ""))).mode & 0o777).toBe(0o600);
  });

  it("lists messages newest first, with envelope recipients (Bcc too) and attachments", async () => {
    capture = await startMailCapture({ dataDir });
    const csv = "名称,等级\n加油站,重大\n";

    await send(capture, { to: "a@city.demo", subject: "第一封", text: "一" });
    await send(capture, {
      to: "b@city.demo",
      bcc: "c@city.demo",
      subject: "第二封",
      text: "二",
      html: "<p>二</p>",
      attachments: [{ filename: "风险清单.csv", content: csv }],
    });

    expect(capture.list()).toEqual([
      {
        id: expect.any(String),
        receivedAt: expect.any(String),
        messageId: expect.any(String),
        from: "noreply@cityrisk.local",
        to: ["b@city.demo", "c@city.demo"],
        subject: "第二封",
        text: "二",
        html: "<p>二</p>",
        attachments: [
          { filename: "风险清单.csv", contentType: "text/csv", size: Buffer.byteLength(csv) },
        ],
      },
      {
        id: expect.any(String),
        receivedAt: expect.any(String),
        messageId: expect.any(String),
        from: "noreply@cityrisk.local",
        to: ["a@city.demo"],
        subject: "第一封",
        text: "一",
        html: null,
        attachments: [],
      },
    ]);
  });

  it("keeps its messages across a restart on the same data folder", async () => {
    capture = await startMailCapture({ dataDir });
    await send(capture, { to: "a@city.demo", subject: "旧邮件", html: "<b>旧</b>" });
    await send(capture, { to: "a@city.demo", subject: "新邮件", text: "新" });
    const before = capture.list();
    await capture.stop();

    capture = await startMailCapture({ dataDir });

    expect(capture.list()).toEqual(before);
    expect(capture.list().map((m) => m.subject)).toEqual(["新邮件", "旧邮件"]);
  });

  it("forgets everything on clear, on disk too", async () => {
    capture = await startMailCapture({ dataDir });
    await send(capture, { to: "a@city.demo", subject: "s", text: "t" });

    capture.clear();

    expect(capture.list()).toEqual([]);
    expect(await readdir(capturedMailDir(dataDir))).toEqual([]);
  });

  it("keeps messages in memory only when started without a data folder", async () => {
    capture = await startMailCapture();
    await send(capture, { to: "a@city.demo", subject: "内存", text: "t" });

    expect(capture.list().map((m) => m.subject)).toEqual(["内存"]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
