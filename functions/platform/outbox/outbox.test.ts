import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../infra/local/dynamodb-local/free-port.ts";
import { startMailCapture } from "../../../infra/local/emulators/mail-capture.ts";
import {
  OUTBOX_MAX_ATTEMPTS,
  type OutboxEffect,
  type OutboxMessage,
} from "../../../shared/outbox/outbox-message.ts";
import { freshTable } from "../../../test/support/fresh-table.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import { type Store, storeFor } from "../../adapters/dynamodb/store.ts";
import { reloadConfig } from "../config.ts";
import { writeTogether } from "../data/unit-of-work.ts";
import { logger } from "../powertools.ts";
import type { Channels } from "./channels.ts";
import { deliverMessage } from "./deliver.ts";
import { outboxStep } from "./outbox-item.ts";
import { deadMessages, redriveDead, sweepDue } from "./sweep.ts";

const TENANT = "t-outbox-test";
const T0 = new Date("2026-12-01T08:00:00.000Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function mailTo(to: string): OutboxEffect {
  return { channel: "mail", mail: { to: [to], subject: "通知", text: "secret link" } };
}

/** A mail channel that fails while `down` and records what it sent. */
function flakyMail() {
  const sent: string[] = [];
  const state = { down: false };
  const channels: Channels = {
    mail: async (effect) => {
      if (state.down) throw new Error("smtp unreachable");
      sent.push(effect.mail.to[0] as string);
    },
    topic: async () => {},
    identity: async () => {},
    audit: async () => {},
    indicators: async () => {},
  };
  return { sent, state, channels };
}

describe("outbox", () => {
  let store: Store;

  beforeAll(async () => {
    // Failed attempts are what these tests make; their warnings would only drown the report.
    logger.setLogLevel("ERROR");
    const table = await freshTable("outbox");
    store = storeFor(localAws().dynamodb, table.tableName);
  });

  async function enqueue(effect: OutboxEffect, at = T0): Promise<OutboxMessage> {
    await writeTogether(store, [outboxStep(TENANT, effect, at)]);
    const { data } = await store.entities.outboxMessage.query.byTenant({ tenantId: TENANT }).go();
    const to = effect.channel === "mail" ? effect.mail.to[0] : undefined;
    const found = data
      .map((d) => d.record)
      .find((m) => m.effect.channel === "mail" && m.effect.mail.to[0] === to);
    if (!found) throw new Error("message not written");
    return found;
  }

  async function stored(message: OutboxMessage): Promise<OutboxMessage | undefined> {
    const { data } = await store.entities.outboxMessage.get(message).go();
    return data?.record;
  }

  it("delivers a message once and keeps no text of a delivered mail", async () => {
    const { sent, channels } = flakyMail();
    const message = await enqueue(mailTo("once@outbox.test"));

    expect(await deliverMessage(store, message, T0, channels)).toBe("delivered");
    expect(await deliverMessage(store, message, T0, channels)).toBe("skipped");
    expect(await sweepDue(store, later(3600), channels)).toMatchObject({ delivered: 0 });

    expect(sent).toEqual(["once@outbox.test"]);
    expect(await stored(message)).toMatchObject({
      status: "delivered",
      attempts: 1,
      effect: { mail: { to: ["once@outbox.test"], text: "" } },
    });
  });

  it("lets only one of two concurrent deliveries run the effect", async () => {
    const { sent, channels } = flakyMail();
    const message = await enqueue(mailTo("race@outbox.test"));

    const outcomes = await Promise.all([
      deliverMessage(store, message, T0, channels),
      deliverMessage(store, message, T0, channels),
    ]);

    expect(outcomes.sort()).toEqual(["delivered", "skipped"]);
    expect(sent).toEqual(["race@outbox.test"]);
  });

  it("leaves an attempt that is running alone: a delivery that reads it claimed skips it", async () => {
    const { sent, channels } = flakyMail();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slowMail: Channels = {
      ...channels,
      mail: async (effect, message) => {
        started();
        await held;
        await channels.mail(effect, message);
      },
    };
    const message = await enqueue(mailTo("held@outbox.test"));

    const first = deliverMessage(store, message, T0, slowMail);
    await running;
    // Read after the first attempt's claim, before its mark: the race the test above can lose.
    expect(await deliverMessage(store, message, later(1), channels)).toBe("skipped");
    release();
    expect(await first).toBe("delivered");
    expect(sent).toEqual(["held@outbox.test"]);
  });

  it("retries a failing channel after its backoff, and delivers once when it recovers", async () => {
    const { sent, state, channels } = flakyMail();
    const message = await enqueue(mailTo("flaky@outbox.test"));
    state.down = true;

    expect(await deliverMessage(store, message, T0, channels)).toBe("failed");
    expect(await stored(message)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "Error: smtp unreachable",
    });
    // Before the backoff passes a sweep leaves it alone, even with the channel back.
    state.down = false;
    expect((await sweepDue(store, later(10), channels)).delivered).toBe(0);
    expect((await sweepDue(store, later(31), channels)).delivered).toBe(1);
    expect((await sweepDue(store, later(3600), channels)).delivered).toBe(0);

    expect(sent).toEqual(["flaky@outbox.test"]);
  });

  it("delivers by sweep what the stream never carried (a stack stopped before its poller read it)", async () => {
    const { sent, channels } = flakyMail();
    await enqueue(mailTo("missed@outbox.test"));

    expect((await sweepDue(store, later(30), channels)).delivered).toBe(0);
    expect((await sweepDue(store, later(61), channels)).delivered).toBe(1);
    expect(sent).toEqual(["missed@outbox.test"]);
  });

  it("stops a sweep running out of time between two deliveries; the next sweep continues", async () => {
    const { sent, channels } = flakyMail();
    const addresses = ["a", "b", "c"].map((n) => `${n}-late@outbox.test`);
    for (const to of addresses) await enqueue(mailTo(to));
    // Earlier tests' messages are settled or not yet due: only these three are due now.
    let asked = 0;
    const first = await sweepDue(store, later(61), channels, { outOfTime: () => ++asked > 1 });
    expect(first).toMatchObject({ delivered: 1, unfinished: true });
    const second = await sweepDue(store, later(62), channels);
    expect(second).toMatchObject({ delivered: 2, unfinished: false });
    expect(sent.sort()).toEqual(addresses.sort());
  });

  it("sets a message aside after its last attempt, and a redrive delivers it", async () => {
    const { sent, state, channels } = flakyMail();
    const message = await enqueue(mailTo("dead@outbox.test"));
    state.down = true;
    let outcome = await deliverMessage(store, message, T0, channels);
    for (let n = 2; n <= OUTBOX_MAX_ATTEMPTS; n++) {
      outcome = await deliverMessage(store, message, later(n * 7200), channels);
    }
    expect(outcome).toBe("dead");
    expect((await deadMessages(store)).map((m) => m.id)).toContain(message.id);
    expect((await sweepDue(store, later(10 ** 6), channels)).delivered).toBe(0);

    state.down = false;
    expect(await redriveDead(store, later(10 ** 6))).toBeGreaterThanOrEqual(1);
    expect(await stored(message)).toMatchObject({ status: "pending", attempts: 0 });
    await sweepDue(store, later(10 ** 6), channels);

    expect(sent).toEqual(["dead@outbox.test"]);
    expect((await deadMessages(store)).map((m) => m.id)).not.toContain(message.id);
  });

  it("delivers each mail once through real SMTP that is down, then back", async () => {
    const port = await freePort(0);
    const previous = process.env.CITYRISK_SMTP_URL;
    process.env.CITYRISK_SMTP_URL = `smtp://127.0.0.1:${port}`;
    reloadConfig();
    try {
      const message = await enqueue(mailTo("smtp-down@outbox.test"));
      expect(await deliverMessage(store, message, T0)).toBe("failed");

      const capture = await startMailCapture({ port });
      try {
        expect((await sweepDue(store, later(31))).delivered).toBeGreaterThanOrEqual(1);
        await sweepDue(store, later(3600));
        const received = capture.list().filter((m) => m.to.includes("smtp-down@outbox.test"));
        expect(received).toHaveLength(1);
      } finally {
        await capture.stop();
      }
    } finally {
      process.env.CITYRISK_SMTP_URL = previous;
      reloadConfig();
    }
  });
});
