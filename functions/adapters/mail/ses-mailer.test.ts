import { MessageRejected, SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SesMailer } from "./ses-mailer.ts";

const ses = mockClient(SESv2Client);

describe("SesMailer", () => {
  const mailer = new SesMailer(new SESv2Client({ region: "cn-north-1" }), "noreply@cityrisk.test");

  beforeEach(() => ses.reset());
  afterAll(() => ses.restore());

  it("sends one SendEmail with the subject, text and HTML bodies in UTF-8", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "0100-ses-id" });

    const sent = await mailer.send({
      to: ["official@chaoyang.demo", "admin@city.demo"],
      subject: "重大风险预警：朝阳区加油站",
      text: "风险等级升为重大（红）。",
      html: "<p>风险等级升为<b>重大（红）</b>。</p>",
    });

    expect(sent).toEqual({ messageId: "0100-ses-id" });
    expect(ses.calls()).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: "noreply@cityrisk.test",
      Destination: { ToAddresses: ["official@chaoyang.demo", "admin@city.demo"] },
      Content: {
        Simple: {
          Subject: { Data: "重大风险预警：朝阳区加油站", Charset: "UTF-8" },
          Body: {
            Text: { Data: "风险等级升为重大（红）。", Charset: "UTF-8" },
            Html: { Data: "<p>风险等级升为<b>重大（红）</b>。</p>", Charset: "UTF-8" },
          },
        },
      },
    });
  });

  it("sends a text-only body when no HTML is given", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "0100-text-only" });

    await mailer.send({ to: ["a@city.demo"], subject: "复评到期", text: "请复评。" });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content).toEqual({
      Simple: {
        Subject: { Data: "复评到期", Charset: "UTF-8" },
        Body: { Text: { Data: "请复评。", Charset: "UTF-8" } },
      },
    });
  });

  it("carries the product's stable message id in a header SES leaves alone", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "0100-with-ref" });

    await mailer.send({
      to: ["a@city.demo"],
      subject: "重大风险预警",
      text: "请签收。",
      messageId: "01JOUTBOX@outbox.cityrisk",
    });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Headers).toEqual([
      { Name: "X-CityRisk-Message-Id", Value: "01JOUTBOX@outbox.cityrisk" },
    ]);
  });

  it("passes SES's rejection on to the caller", async () => {
    ses
      .on(SendEmailCommand)
      .rejects(new MessageRejected({ message: "Email address is not verified.", $metadata: {} }));

    await expect(mailer.send({ to: ["a@city.demo"], subject: "s", text: "t" })).rejects.toThrow(
      MessageRejected,
    );
  });

  it("fails when SES answers without a MessageId", async () => {
    ses.on(SendEmailCommand).resolves({});

    await expect(mailer.send({ to: ["a@city.demo"], subject: "s", text: "t" })).rejects.toThrow(
      "SES SendEmail returned no MessageId",
    );
  });
});
