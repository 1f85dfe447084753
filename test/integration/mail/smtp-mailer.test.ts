import { afterAll, describe, expect, it } from "vitest";
import { mailer } from "../../../functions/adapters/mail/mailer-from-config.ts";
import { SmtpMailer } from "../../../functions/adapters/mail/smtp-mailer.ts";
import { capturedMail, captureSmtpUrl } from "../../support/captured-mail.ts";
import { uniqueName } from "../../support/unique-name.ts";

// The SMTP adapter against the run's mail capture: what the product sends is what a reader gets.
describe("SmtpMailer", () => {
  const smtp = new SmtpMailer(captureSmtpUrl(), "CityRisk 城市安全风险云 <noreply@cityrisk.local>");

  afterAll(() => smtp.close());

  it("delivers a Chinese subject, text and HTML body intact", async () => {
    const official = `${uniqueName("official")}@chaoyang.demo`;
    const leader = `${uniqueName("leader")}@chaoyang.demo`;
    const html =
      '<h1 style="color:#cf1322">重大风险预警</h1><p>朝阳区 · 加油站：等级升为<b>重大（红）</b>。</p>';

    const sent = await smtp.send({
      to: [official, leader],
      subject: "【重大风险】朝阳区加油站风险等级升级 — 请于 24 小时内处置",
      text: "朝阳区加油站的风险等级升为重大（红），请于 24 小时内处置。",
      html,
    });

    const received = capturedMail().filter((mail) => mail.to.includes(official));
    expect(received).toEqual([
      {
        id: expect.any(String),
        receivedAt: expect.any(String),
        messageId: sent.messageId,
        from: '"CityRisk 城市安全风险云" <noreply@cityrisk.local>',
        to: [official, leader],
        subject: "【重大风险】朝阳区加油站风险等级升级 — 请于 24 小时内处置",
        text: "朝阳区加油站的风险等级升为重大（红），请于 24 小时内处置。",
        html,
        attachments: [],
      },
    ]);
  });

  it("sends text-only mail without an HTML part", async () => {
    const to = `${uniqueName("admin")}@gas-station.demo`;

    await smtp.send({ to: [to], subject: "复评提醒", text: "您有 3 个风险源需要复评。" });

    const [mail] = capturedMail().filter((m) => m.to.includes(to));
    expect(mail).toMatchObject({
      subject: "复评提醒",
      text: "您有 3 个风险源需要复评。",
      html: null,
    });
  });
});

describe("mailer() from the function configuration", () => {
  it("sends to the SMTP URL in CITYRISK_SMTP_URL, from CITYRISK_MAIL_FROM's default", async () => {
    const to = `${uniqueName("official")}@haidian.demo`;

    const sent = await mailer().send({
      to: [to],
      subject: "海淀区周报",
      text: "本周无新增重大风险。",
    });

    const [mail] = capturedMail().filter((m) => m.to.includes(to));
    expect(mail).toMatchObject({
      messageId: sent.messageId,
      from: "noreply@cityrisk.local",
      subject: "海淀区周报",
    });
  });
});
