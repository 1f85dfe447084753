import { beforeAll, describe, expect, it } from "vitest";
import type { OutboxMessage } from "../../shared/outbox/outbox-message.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { freshTable } from "../../test/support/fresh-table.ts";
import { localAws } from "../../test/support/local-aws.ts";
import { type Store, storeFor } from "../adapters/dynamodb/store.ts";
import type { Channels } from "../platform/outbox/channels.ts";
import { deliverMessage } from "../platform/outbox/deliver.ts";
import { recordReads, writeReadRecords } from "./audit-log.ts";

// Officials' reads in the enterprises' trails, against DynamoDB Local: a few enterprises written
// by the request, many through one outbox message whose delivery can be cut short and repeated
// without a trail losing or doubling its record.
const official = (tenantId: string): Caller => ({
  userId: `u-${tenantId}`,
  tenantId,
  role: "districtOfficial",
  jurisdiction: { citywide: false, districts: [{ district: "110105" }], industries: [] },
});

const readsOf = (prefix: string, enterprises: number, perEnterprise = 1) =>
  Array.from({ length: enterprises }, (_, e) =>
    Array.from({ length: perEnterprise }, (_, s) => ({
      tenantId: `${prefix}-${e}`,
      target: { type: "riskSource", id: `${prefix}-${e}~${"R".repeat(30)}${s}` },
    })),
  ).flat();

const noOtherChannel = async () => {
  throw new Error("only the audit channel is expected here");
};

describe("recordReads", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("audit-reads");
    store = storeFor(localAws().dynamodb, table.tableName);
  });

  const trail = async (tenantId: string) => {
    const { data } = await store.entities.auditRecord.query.byTenant({ tenantId }).go();
    return data.map((d) => d.record);
  };
  const outbox = async (tenantId: string): Promise<OutboxMessage[]> => {
    const { data } = await store.entities.outboxMessage.query.byTenant({ tenantId }).go();
    return data.map((d) => d.record);
  };
  const trailsOf = (prefix: string, enterprises: number) =>
    Promise.all(Array.from({ length: enterprises }, (_, e) => trail(`${prefix}-${e}`)));

  it("writes the records of a read of a few enterprises at once, one per enterprise", async () => {
    await recordReads(store, official("t-few-official"), readsOf("t-few", 25, 2));

    const trails = await trailsOf("t-few", 25);
    expect(trails.map((t) => t.length)).toEqual(trails.map(() => 1));
    expect(trails[0]?.[0]).toMatchObject({
      action: "riskSource.read",
      actor: { userId: "u-t-few-official", tenantId: "t-few-official" },
      target: { type: "riskSource", id: "2 items" },
    });
    expect(await outbox("t-few-official")).toEqual([]);
  });

  it("leaves out the caller's own tenant and enterprise users' reads", async () => {
    const own = official("t-self");
    await recordReads(store, own, [
      { tenantId: "t-self", target: { type: "riskSource", id: "x" } },
    ]);
    await recordReads(
      store,
      { ...official("t-staff"), role: "enterpriseStaff" },
      readsOf("t-s", 30),
    );
    expect(await trail("t-self")).toEqual([]);
    expect(await outbox("t-staff")).toEqual([]);
    expect((await trailsOf("t-s", 30)).flat()).toEqual([]);
  });

  it("puts a read of many enterprises in one outbox message; a cut and repeated delivery writes each record once", async () => {
    await recordReads(store, official("t-map-official"), readsOf("t-map", 60));
    const [message, ...more] = await outbox("t-map-official");
    expect(more).toEqual([]);
    expect(message?.effect).toMatchObject({ channel: "audit" });
    // Nothing in the trails until the message is delivered.
    expect((await trailsOf("t-map", 60)).flat()).toEqual([]);
    if (message?.effect.channel !== "audit") throw new Error("no audit message");

    // The first attempt dies after writing some of the records.
    const cut: Channels = {
      mail: noOtherChannel,
      topic: noOtherChannel,
      identity: noOtherChannel,
      indicators: noOtherChannel,
      audit: async (effect, m) => {
        await writeReadRecords(store, { ...effect, reads: effect.reads.slice(0, 20) }, m.id);
        throw new Error("invocation ended");
      },
    };
    const at = new Date(message.createdAt);
    expect(await deliverMessage(store, message, at, cut)).toBe("failed");
    const whole: Channels = {
      ...cut,
      audit: (effect, m) => writeReadRecords(store, effect, m.id),
    };
    const retry = new Date(at.getTime() + 3_600_000);
    expect(await deliverMessage(store, message, retry, whole)).toBe("delivered");
    // A repeat of the effect (a crash before the message was marked) names the same items.
    await writeReadRecords(store, message.effect, message.id);

    const trails = await trailsOf("t-map", 60);
    expect(trails.map((t) => t.length)).toEqual(trails.map(() => 1));
    expect(trails.map((t) => t[0]?.id)).toEqual(trails.map(() => message.id));
    expect(trails[7]?.[0]).toMatchObject({
      at: message.createdAt,
      action: "riskSource.read",
      target: { type: "riskSource", id: "t-map-7~RRRRRRRRRRRRRRRRRRRRRRRRRRRRRR0" },
      after: { ids: ["t-map-7~RRRRRRRRRRRRRRRRRRRRRRRRRRRRRR0"] },
    });
    // The delivered message keeps who read when, not the ids the trails now hold.
    const [delivered] = await outbox("t-map-official");
    expect(delivered).toMatchObject({
      status: "delivered",
      effect: { channel: "audit", reads: [] },
    });
  });

  it("splits a read too large for one item over messages, each enterprise in exactly one", async () => {
    // 40 enterprises × 200 ids of ~40 characters: about 330,000 characters of ids.
    const reads = readsOf("t-big", 40, 200);
    await recordReads(store, official("t-big-official"), reads);
    const messages = await outbox("t-big-official");
    expect(messages.length).toBeGreaterThan(1);
    const named = messages.flatMap((m) =>
      m.effect.channel === "audit" ? m.effect.reads.map((r) => r.tenantId) : [],
    );
    expect(named.sort()).toEqual(Array.from({ length: 40 }, (_, e) => `t-big-${e}`).sort());
    for (const m of messages) {
      expect(JSON.stringify(m).length).toBeLessThan(300_000);
    }
  });
});
