import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import { ulid } from "ulidx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../../events/envelope.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { listLocalSms } from "../../../functions/adapters/sms/local-sms-outbox.ts";
import {
  type ChannelPort,
  deliverOne,
  numberCounterKey,
} from "../../../functions/notifications/deliver.ts";
import { deliverRecordWith } from "../../../functions/notifications/delivery-record.ts";
import { DIGEST_CLAIM_MS, flushDigests } from "../../../functions/notifications/digests.ts";
import { handler as emailHandler } from "../../../functions/notifications/email-delivery.handler.ts";
import { emailDelivery, smsDelivery } from "../../../functions/notifications/manifest.ts";
import { noticeOf } from "../../../functions/notifications/notice-of.ts";
import { productEmailPort, productSmsPort } from "../../../functions/notifications/ports.ts";
import { handler as smsHandler } from "../../../functions/notifications/sms-delivery.handler.ts";
import { createLambdaContext } from "../../../infra/local/runners/lambda-context.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../../infra/local/runners/local-account.ts";
import { seedDemoTenants } from "../../../infra/local/seed/demo-tenants.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import { redriveQueue } from "../../../infra/ops/redrive-queue.ts";
import type { Level } from "../../../shared/methodology/levels.ts";
import {
  beijingDay,
  RATE_LIMITS,
  rateWindow,
  SMS_DAILY_CAP_PER_NUMBER,
  SMS_RED_RESERVE,
} from "../../../shared/notifications/delivery-decision.ts";
import type { Notice } from "../../../shared/notifications/notice.ts";
import { DEFAULT_PREFERENCES } from "../../../shared/notifications/preferences.ts";
import type { Recipient } from "../../../shared/notifications/recipients.ts";
import { RecipientRefusedError } from "../../../shared/notifications/sms-port.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";
import { raisedEnvelope } from "../../support/warning-event-fixtures.ts";
import { putSource } from "../../support/warning-fixtures.ts";

// Warning events delivered by the SMS and e-mail channels of the local stack (issue 11 §5–6):
// a Chaoyang warning reaches the Chaoyang official's local SMS outbox and mailbox once, even
// when its queue message comes twice; preferences mute, hold and refuse; a provider that is down
// loses nothing: the message goes to the DLQ and the redrive command brings it back.
const OFFICIAL_PHONE = "139****0002";
const OFFICIAL_MAIL = "official@chaoyang.demo";
// 12:00 and 23:30 Beijing time.
const NOON = new Date("2026-12-01T04:00:00Z");
const NIGHT = new Date("2026-12-01T15:30:00Z");

const raised = (level: Level, name: string) => raisedEnvelope(level, name, NOON);

function noticeAt(level: Level, name: string, at: Date): Notice {
  const notice = noticeOf(raisedEnvelope(level, name, at));
  if (!notice) throw new Error("warning.raised is texted and mailed");
  return notice;
}

/** A mainland mobile no other test texts, so its daily count starts at zero. */
function freshMobile(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/**
 * An official of a tenant of their own, delivered to directly: the limits are counted per
 * recipient and per number, so the tests below start from empty counters and an empty digest
 * whatever the seeded officials received before.
 */
function officialWith(phone: string, tenantId = `t-${ulid().toLowerCase()}`): Recipient {
  const userId = `u-${ulid().toLowerCase()}`;
  return {
    tenantId,
    userId,
    role: "districtOfficial",
    jurisdiction: "d:110105",
    email: `${userId}@chaoyang.demo`,
    phone,
    step: "district",
  };
}

/** The SQS body as the channel queues receive it: SNS's notification around the envelope. */
function bodyOf(envelope: EventEnvelope): string {
  return JSON.stringify({ Type: "Notification", Message: JSON.stringify(envelope) });
}

function sqsEvent(envelope: EventEnvelope): SQSEvent {
  return {
    Records: [
      {
        messageId: ulid(),
        receiptHandle: "r",
        body: bodyOf(envelope),
        attributes: {
          ApproximateReceiveCount: "1",
          SentTimestamp: "0",
          SenderId: "local",
          ApproximateFirstReceiveTimestamp: "0",
        },
        messageAttributes: {},
        md5OfBody: "",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:sms",
        awsRegion: "us-east-1",
      },
    ],
  };
}

describe("warning delivery by SMS and e-mail", () => {
  let running: TestStack;
  let stack: LocalStack;
  let store: Store;
  let official: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("notify");
    stack = running.stack;
    store = stackStore(stack);
    // The government tenants whose officials are found by jurisdiction.
    await seedDemoTenants(store, new Date());
    official = await signIn(stack, OFFICIAL_MAIL);
  });

  afterAll(async () => {
    await running?.stop();
  });

  const texts = async (envelope: EventEnvelope, to = OFFICIAL_PHONE) =>
    (await listLocalSms(store)).filter((m) => m.reference.startsWith(envelope.id) && m.to === to);
  const mails = (envelope: EventEnvelope, subject: string) =>
    stack.mail.list().filter(
      (m) =>
        m.to.includes(OFFICIAL_MAIL) &&
        m.subject.includes(subject) &&
        // The Message-ID is the delivery's reference, which starts with the event id.
        (m.messageId ?? "").includes(envelope.id),
    );

  it("texts and mails the Chaoyang official once, even when the message comes twice", async () => {
    const envelope = raised("major", "储罐区（送达测试）");
    for (let i = 0; i < 2; i++) {
      const sms = await smsHandler(sqsEvent(envelope), createLambdaContext(smsDelivery));
      const mail = await emailHandler(sqsEvent(envelope), createLambdaContext(emailDelivery));
      expect(sms).toEqual({ batchItemFailures: [] });
      expect(mail).toEqual({ batchItemFailures: [] });
    }
    const sent = await texts(envelope);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("红色（重大）预警");
    expect(mails(envelope, "储罐区（送达测试）")).toHaveLength(1);
    expect(mails(envelope, "储罐区（送达测试）")[0]?.html).toContain("<a href=");
    // The local outbox page's listing, behind the local admin secret like the mail capture.
    const res = await fetch(`${stack.baseUrl}/local/sms`, {
      headers: { authorization: `Bearer ${stack.adminSecret}` },
    });
    expect(res.status).toBe(200);
    const listed = (await res.json()) as { to: string; reference: string }[];
    expect(listed.filter((m) => m.reference.startsWith(envelope.id)).map((m) => m.to)).toContain(
      OFFICIAL_PHONE,
    );
    expect((await fetch(`${stack.baseUrl}/local/sms`)).status).toBe(403);
  });

  it("texts the person the source names as responsible, who has no account, once", async () => {
    await putSource(store, "t-gas-station-chaoyang", "rs-responsible");
    const envelope = raisedEnvelope("major", "储罐区", NOON, "rs-responsible");
    for (let i = 0; i < 2; i++) {
      expect(await smsHandler(sqsEvent(envelope), createLambdaContext(smsDelivery))).toEqual({
        batchItemFailures: [],
      });
    }
    // riskSourceInput's responsible person, 王五 13700137000 (the outbox keeps numbers masked).
    const sent = await texts(envelope, "137****7000");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("储罐区");
    expect(await texts(envelope)).toHaveLength(1);
  });

  it("respects preferences: yellow muted, blue held by quiet hours into a digest, red not mutable", async () => {
    const read = await official.call("GET", "/api/v1/me/notification-preferences");
    expect(read.status).toBe(200);
    const current = read.body as { channels: Record<string, unknown> } & Record<string, unknown>;
    expect(current).toMatchObject({ version: 0, phone: "13900000002", email: OFFICIAL_MAIL });
    const choice = {
      channels: {
        ...current.channels,
        general: { sms: false, email: false, inApp: true },
      },
      quietHours: { enabled: true, start: "22:00", end: "07:00" },
      language: "zh",
    };
    const refused = await official.call("PUT", "/api/v1/me/notification-preferences", {
      body: {
        ...choice,
        channels: { ...choice.channels, major: { sms: false, email: true, inApp: true } },
      },
      headers: { "if-match": '"0"' },
    });
    expect(refused.status).toBe(400);
    expect(
      (await official.call("PUT", "/api/v1/me/notification-preferences", { body: choice })).status,
    ).toBe(428);
    const saved = await official.call("PUT", "/api/v1/me/notification-preferences", {
      body: choice,
      headers: { "if-match": '"0"' },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"1"');

    const yellow = raised("general", "卸油区（黄色）");
    const atNoon = deliverRecordWith(
      productEmailPort,
      () => store,
      () => NOON,
    );
    await atNoon({ body: bodyOf(yellow) });
    await deliverRecordWith(
      productSmsPort,
      () => store,
      () => NOON,
    )({ body: bodyOf(yellow) });
    expect(mails(yellow, "卸油区（黄色）")).toHaveLength(0);
    expect(await texts(yellow)).toHaveLength(0);

    const blue = raised("low", "配电室（蓝色）");
    const atNight = deliverRecordWith(
      productEmailPort,
      () => store,
      () => NIGHT,
    );
    expect(await atNight({ body: bodyOf(blue) })).toContain("held");
    expect(mails(blue, "配电室（蓝色）")).toHaveLength(0);
    // Quiet hours end at 07:00 Beijing (23:00 UTC): the digest goes then, once.
    const morning = new Date("2026-12-01T23:00:00Z");
    await flushDigests(store, [productEmailPort], new Date("2026-12-01T22:59:00Z"));
    expect(
      stack.mail
        .list()
        .filter((m) => m.to.includes(OFFICIAL_MAIL) && m.text.includes("配电室（蓝色）")),
    ).toHaveLength(0);
    // Two runs at once and a third after: each claims before sending, so one message goes.
    await Promise.all([
      flushDigests(store, [productEmailPort], morning),
      flushDigests(store, [productEmailPort], morning),
    ]);
    await flushDigests(store, [productEmailPort], morning);
    const digests = stack.mail
      .list()
      .filter(
        (m) =>
          m.to.includes(OFFICIAL_MAIL) &&
          m.subject.includes("预警汇总") &&
          m.text.includes("配电室（蓝色）"),
      );
    expect(digests).toHaveLength(1);
  });

  it("loses nothing while the provider is down: retried, dead-lettered, redriven, sent once", async () => {
    const sqs = new SQSClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: stack.endpoints.aws,
    });
    const name = `notify-down-${ulid().toLowerCase()}`;
    const dlq =
      (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }))).QueueUrl ?? "";
    const dlqArn = (
      await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ["QueueArn"] }))
    ).Attributes?.QueueArn;
    const queue =
      (
        await sqs.send(
          new CreateQueueCommand({
            QueueName: name,
            Attributes: {
              RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
            },
          }),
        )
      ).QueueUrl ?? "";
    const envelope = raised("significant", "加气区（通道故障）");
    await sqs.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: bodyOf(envelope) }));

    const down: ChannelPort = {
      ...productSmsPort,
      send: async () => {
        throw new Error("provider down");
      },
    };
    const failing = deliverRecordWith(
      down,
      () => store,
      () => NOON,
    );
    // Each receive fails and leaves the message; past maxReceiveCount SQS moves it to the DLQ.
    for (let receive = 0; receive < 6; receive++) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queue, VisibilityTimeout: 0, WaitTimeSeconds: 0 }),
      );
      for (const m of Messages) await expect(failing({ body: m.Body ?? "" })).rejects.toThrow();
    }
    const dead = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: dlq,
        AttributeNames: ["ApproximateNumberOfMessages"],
      }),
    );
    expect(dead.Attributes?.ApproximateNumberOfMessages).toBe("1");
    expect(await texts(envelope)).toHaveLength(0);

    expect(await redriveQueue(sqs, dlq, queue)).toBe(1);
    const working = deliverRecordWith(
      productSmsPort,
      () => store,
      () => NOON,
    );
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue, WaitTimeSeconds: 0, VisibilityTimeout: 30 }),
    );
    expect(Messages).toHaveLength(1);
    for (const m of Messages) {
      await working({ body: m.Body ?? "" });
      await working({ body: m.Body ?? "" });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle: m.ReceiptHandle }));
    }
    expect(await texts(envelope)).toHaveLength(1);
  });
  it("folds a burst past the hourly limit into one digest while deliveries run side by side", async () => {
    // A fresh hour and day, so no other test's texts count against the limits.
    const at = new Date("2026-12-03T04:00:00Z");
    // Orange: red passes the hourly limit (see the next test).
    const burst = Array.from({ length: RATE_LIMITS.sms.limit + 7 }, (_, i) =>
      raisedEnvelope("significant", `储罐区（突发 ${i}）`, at),
    );
    const deliver = deliverRecordWith(
      productSmsPort,
      () => store,
      () => at,
    );
    // As the queue's concurrent batches do: every record at once, each folding into the same
    // digest and counting against the same counters. None may fail or wait for a redelivery.
    await Promise.all(burst.map((e) => deliver({ body: bodyOf(e) })));
    const ids = new Set(burst.map((e) => e.id));
    const { data } = await store.entities.notificationDelivery.query
      .byTenant({ tenantId: "t-district-110105" })
      .go({ pages: "all" });
    const official = data.filter(
      (d) => ids.has(d.eventId) && d.userId === "u-chaoyang-official" && d.channel === "sms",
    );
    expect(official).toHaveLength(burst.length);
    expect(official.filter((d) => d.status === "sent")).toHaveLength(RATE_LIMITS.sms.limit);
    expect(official.filter((d) => d.status === "folded")).toHaveLength(7);
    const { data: digest } = await store.entities.notificationDigest
      .get({ tenantId: "t-district-110105", userId: "u-chaoyang-official", channel: "sms" })
      .go({ consistent: true });
    expect(digest?.total).toBe(7);
    expect(digest?.lines).toHaveLength(7);
  });

  it("keeps a digest whose run died after claiming it, and sends it once the claim runs out", async () => {
    const at = new Date("2026-12-02T01:00:00Z");
    const key = { tenantId: "t-district-110105", userId: "u-digest-crash", channel: "email" };
    await store.entities.notificationDigest
      .create({
        ...key,
        dueAt: at.toISOString(),
        to: "crash@chaoyang.demo",
        language: "zh",
        total: 1,
        lines: ["储罐区（崩溃测试）"],
        version: 1,
      })
      .go();
    const dying: ChannelPort = {
      ...productEmailPort,
      sendDigest: () => Promise.reject(new Error("killed mid-run")),
    };
    await expect(flushDigests(store, [dying], at)).rejects.toThrow("killed mid-run");
    const sentTo = () => stack.mail.list().filter((m) => m.to.includes("crash@chaoyang.demo"));
    // Claimed: the next run within the claim leaves it alone; after it, sends it once.
    expect(await flushDigests(store, [productEmailPort], at)).toBe(0);
    const later = new Date(at.getTime() + DIGEST_CLAIM_MS + 1000);
    expect(await flushDigests(store, [productEmailPort], later)).toBe(1);
    expect(await flushDigests(store, [productEmailPort], later)).toBe(0);
    expect(sentTo()).toHaveLength(1);
    expect(sentTo()[0]?.text).toContain("储罐区（崩溃测试）");
  });

  it("sends red at once past the hourly limit, counting it, while yellow at that moment folds", async () => {
    const at = new Date("2026-12-04T04:00:00Z");
    const official = officialWith(freshMobile());
    // Yellow texts on, so that yellow is folded by the limit rather than muted.
    await store.entities.notificationPreferences
      .create({
        tenantId: official.tenantId,
        userId: official.userId,
        version: 1,
        preferences: {
          ...DEFAULT_PREFERENCES,
          channels: {
            ...DEFAULT_PREFERENCES.channels,
            general: { sms: true, email: true, inApp: true },
          },
        },
        updatedAt: at.toISOString(),
      })
      .go();
    const send = (level: Level, name: string) =>
      deliverOne(store, productSmsPort, noticeAt(level, name, at), official, at);
    // A red first takes a place in the window: one orange fewer fits after it.
    expect(await send("major", "储罐区（先红）")).toBe("sent");
    for (let i = 1; i < RATE_LIMITS.sms.limit; i++) {
      expect(await send("significant", `加气区（橙 ${i}）`)).toBe("sent");
    }
    const red = noticeAt("major", "储罐区（超限红）", at);
    const [redOutcome, yellowOutcome] = await Promise.all([
      deliverOne(store, productSmsPort, red, official, at),
      send("general", "卸油区（超限黄）"),
    ]);
    expect(redOutcome).toBe("sent");
    expect(yellowOutcome).toBe("folded");
    expect(
      (await listLocalSms(store)).filter((m) => m.reference.startsWith(red.eventId)),
    ).toHaveLength(1);

    const window = rateWindow("sms", at);
    const { data: counter } = await store.entities.notificationCounter
      .get({
        tenantId: official.tenantId,
        userId: official.userId,
        channel: "sms",
        window: window.start,
      })
      .go({ consistent: true });
    expect(counter?.sent).toBe(RATE_LIMITS.sms.limit + 1);
    const { data: digest } = await store.entities.notificationDigest
      .get({ tenantId: official.tenantId, userId: official.userId, channel: "sms" })
      .go({ consistent: true });
    expect(digest?.total).toBe(1);
    expect(digest?.lines[0]).toContain("卸油区（超限黄）");
    expect(digest?.dueAt).toBe(window.endsAt.toISOString());
  });

  it("settles a number the provider refuses for good, without retrying it or failing others", async () => {
    const at = new Date("2026-12-04T06:00:00Z");
    const official = officialWith(freshMobile());
    let calls = 0;
    const refusing: typeof productSmsPort = {
      ...productSmsPort,
      send: async () => {
        calls += 1;
        throw new RecipientRefusedError("the number opted out");
      },
    };
    const notice = noticeAt("major", "储罐区（退订号码）", at);
    expect(await deliverOne(store, refusing, notice, official, at)).toBe("refused");
    // The queue's redelivery finds it settled: the provider is not asked again.
    expect(await deliverOne(store, refusing, notice, official, at)).toBe("duplicate");
    expect(calls).toBe(1);
    const { data } = await store.entities.notificationDelivery
      .get({
        tenantId: official.tenantId,
        eventId: notice.eventId,
        userId: official.userId,
        channel: "sms",
      })
      .go({ consistent: true });
    expect(data?.status).toBe("refused");
  });

  it("keeps the last texts of a number's day for red, and folds red past the whole cap to midnight", async () => {
    const official = officialWith(freshMobile());
    // 09:00 Beijing on, hour by hour: the hourly limit never binds the orange below.
    const hour = (h: number) => new Date(Date.UTC(2026, 11, 5, 1 + h));
    const send = (level: Level, name: string, at: Date) =>
      deliverOne(store, productSmsPort, noticeAt(level, name, at), official, at);
    const nonRedCap = SMS_DAILY_CAP_PER_NUMBER - SMS_RED_RESERVE;
    for (let i = 0; i < nonRedCap; i++) {
      const at = hour(Math.floor(i / RATE_LIMITS.sms.limit));
      expect(await send("significant", `加气区（橙 ${i}）`, at)).toBe("sent");
    }
    // A fresh hour, so only the number's day refuses.
    const late = hour(Math.ceil(nonRedCap / RATE_LIMITS.sms.limit) + 1);
    const midnight = beijingDay(late).endsAt.toISOString();
    expect(midnight).toBe("2026-12-05T16:00:00.000Z");
    expect(await send("significant", "加气区（橙 超额）", late)).toBe("folded");
    for (let i = 0; i < SMS_RED_RESERVE; i++) {
      expect(await send("major", `储罐区（红 ${i}）`, late)).toBe("sent");
    }
    const pastCap = noticeAt("major", "储罐区（红 超额）", late);
    expect(await deliverOne(store, productSmsPort, pastCap, official, late)).toBe("folded");
    // Its e-mail is not capped by the number: it goes at once.
    expect(await deliverOne(store, productEmailPort, pastCap, official, late)).toBe("sent");

    const { data: counter } = await store.entities.notificationCounter
      .get({
        ...numberCounterKey(official.phone ?? ""),
        channel: "sms-day",
        window: beijingDay(late).day,
      })
      .go({ consistent: true });
    expect(counter?.sent).toBe(SMS_DAILY_CAP_PER_NUMBER);
    const { data: digest } = await store.entities.notificationDigest
      .get({ tenantId: official.tenantId, userId: official.userId, channel: "sms" })
      .go({ consistent: true });
    expect(digest?.total).toBe(2);
    expect(digest?.lines.some((l) => l.includes("储罐区（红 超额）"))).toBe(true);
    expect(digest?.dueAt).toBe(midnight);
  });

  it("counts a number once per day though two tenants registered it", async () => {
    const at = new Date("2026-12-06T04:00:00Z");
    const phone = freshMobile();
    const first = officialWith(phone);
    const second = officialWith(phone);
    const nonRedCap = SMS_DAILY_CAP_PER_NUMBER - SMS_RED_RESERVE;
    // Turn about, so neither official reaches their own hourly limit.
    for (let i = 0; i < nonRedCap; i++) {
      const official = i % 2 === 0 ? first : second;
      const notice = noticeAt("significant", `加气区（共号 ${i}）`, at);
      expect(await deliverOne(store, productSmsPort, notice, official, at)).toBe("sent");
    }
    const over = noticeAt("significant", "加气区（共号 超额）", at);
    expect(await deliverOne(store, productSmsPort, over, second, at)).toBe("folded");

    const day = beijingDay(at).day;
    const { data: shared } = await store.entities.notificationCounter
      .get({ ...numberCounterKey(phone), channel: "sms-day", window: day })
      .go({ consistent: true });
    expect(shared?.sent).toBe(nonRedCap);
    // Nothing counted under either tenant: the provider caps the number, not the tenant.
    for (const official of [first, second]) {
      const { data } = await store.entities.notificationCounter
        .get({
          tenantId: official.tenantId,
          userId: `tel:${phone}`,
          channel: "sms-day",
          window: day,
        })
        .go({ consistent: true });
      expect(data).toBeNull();
    }
  });
});
