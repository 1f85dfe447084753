import { beforeAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../../events/envelope.ts";
import { STALENESS_SHARDS } from "../../../functions/adapters/dynamodb/entities/indicator.ts";
import { shardOf } from "../../../functions/adapters/dynamodb/shard.ts";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { reloadConfig } from "../../../functions/platform/config.ts";
import { attemptTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { deliverMessage } from "../../../functions/platform/outbox/deliver.ts";
import { removeRiskSource } from "../../../functions/registry/risk-sources.ts";
import { removeIndicatorsOf } from "../../../functions/warnings/indicator-removal.ts";
import { ingestReadings, type ReadingsContext } from "../../../functions/warnings/readings.ts";
import { inForceRuleSet } from "../../../functions/warnings/rule-sets.ts";
import { setTiming, timingFor } from "../../../functions/warnings/settings.ts";
import { sourceRemovalWarningSteps } from "../../../functions/warnings/source-removal.ts";
import { escalationSweep, stalenessSweep } from "../../../functions/warnings/sweep.ts";
import { actOnWarning } from "../../../functions/warnings/transitions.ts";
import type { AuditRecord } from "../../../shared/audit/audit-record.ts";
import type { OutboxMessage } from "../../../shared/outbox/outbox-message.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import type { Indicator } from "../../../shared/warnings/indicator.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { memoryArchive, putIndicator, putSource } from "../../support/warning-fixtures.ts";

// The warning engine against DynamoDB Local with a controllable clock: readings move one state
// item per indicator and raise, re-fire and clear warnings; the sweep escalates on time and can
// be killed midway without losing or doubling anything.
const T0 = Date.parse("2026-11-02T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

let store: Store;
let counter = 0;

function enterpriseCaller(tenantId: string): Caller {
  return {
    userId: `u-${tenantId}`,
    tenantId,
    role: "enterpriseAdmin",
    jurisdiction: { citywide: false, districts: [], industries: [] },
  };
}

/** A fresh tenant with one source (in Chaoyang unless `place` says otherwise) and one gas indicator. */
async function setup(overrides: Partial<Indicator> = {}, place?: Parameters<typeof putSource>[3]) {
  counter += 1;
  const tenantId = `t-warn-${counter}-${Date.now().toString(36)}`;
  const source = await putSource(store, tenantId, `${tenantId}~RS1`, place);
  const indicator = await putIndicator(store, source, `${tenantId}~IND1`, iso(-60), overrides);
  const archive = memoryArchive();
  const context = (minutes: number): ReadingsContext => ({
    store,
    tenantId,
    actor: { userId: "gateway", tenantId, role: "integrator" },
    archive,
    enterpriseName: async () => "测试加油站",
    timing: async (district) => (await timingFor(store, district)).timing,
    ruleSet: () => inForceRuleSet(store),
    now: at(minutes),
  });
  const post = (minutes: number, readings: readonly unknown[]) =>
    ingestReadings(context(minutes), readings);
  const series = (points: readonly [number, number][]) =>
    points.map(([m, value]) => ({ indicatorId: indicator.id, at: iso(m), value }));
  return { tenantId, source, indicator, archive, post, series };
}

async function warningsOf(tenantId: string): Promise<Warning[]> {
  const { data } = await store.entities.warning.query.byTenant({ tenantId }).go({ pages: "all" });
  return data.map((d) => d.record);
}

async function eventsOf(tenantId: string): Promise<EventEnvelope[]> {
  const { data } = await store.entities.outboxMessage.query
    .byTenant({ tenantId })
    .go({ pages: "all" });
  return data
    .map((d) => d.record as OutboxMessage)
    .filter((m) => m.effect.channel === "topic")
    .map((m) => JSON.parse((m.effect as { message: string }).message) as EventEnvelope);
}

async function claimOf(tenantId: string, source: RiskSource, rule: string) {
  const { data } = await store.entities.liveWarning
    .get({ tenantId, riskSourceId: source.id, rule })
    .go({ consistent: true });
  return data;
}

beforeAll(async () => {
  const table = await freshTable("warnings");
  store = storeFor(localAws().dynamodb, table.tableName);
  process.env.TABLE_NAME = table.tableName;
  reloadConfig();
});

describe("readings", () => {
  it("a brief breach raises nothing; a sustained one raises once; recovery clears", async () => {
    const t = await setup();
    await t.post(
      0,
      t.series([
        [0, 5],
        [1, 30],
        [2, 30],
        [3, 5],
      ]),
    );
    expect(await warningsOf(t.tenantId)).toEqual([]);

    await t.post(
      16,
      t.series([
        [10, 30],
        [12, 30],
        [14, 30],
        [15, 30],
        [16, 30],
      ]),
    );
    // The rise from 5 to 30 also makes a trend toward red: that is the predicted rule's warning.
    const sustained = async () =>
      (await warningsOf(t.tenantId)).filter((w) => w.rule === "threshold-sustained");
    let warnings = await sustained();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      rule: "threshold-sustained",
      level: "significant",
      status: "open",
      // When the product learnt of it: the batch that completed the sustain period.
      raisedAt: iso(16),
      enterpriseName: "测试加油站",
    });
    expect(await claimOf(t.tenantId, t.source, "threshold-sustained")).toMatchObject({
      warningId: warnings[0]?.id,
    });

    // Recovery must hold 10 minutes: a relapse at 20 keeps it open.
    await t.post(
      30,
      t.series([
        [17, 5],
        [20, 30],
        [21, 5],
        [30, 5],
        [31, 5],
      ]),
    );
    warnings = await sustained();
    expect(warnings.map((w) => w.status)).toEqual(["cleared"]);
    expect(await claimOf(t.tenantId, t.source, "threshold-sustained")).toBeNull();

    const events = (await eventsOf(t.tenantId)).filter(
      (e) => (e.data as { rule: string }).rule === "threshold-sustained",
    );
    expect(events.map((e) => e.type).sort()).toEqual(["warning.raised", "warning.resolved"]);
    const raised = events.find((e) => e.type === "warning.raised");
    expect(raised?.subject).toMatchObject({
      tenantId: t.tenantId,
      riskSourceId: t.source.id,
      district: "110105",
      street: "建外街道",
      industry: "gas",
      level: "significant",
    });
    // Raised to the enterprise and its street (domain.md §5).
    expect(raised?.data).toMatchObject({
      step: "street",
      jurisdictions: [expect.stringMatching(/^d:110105\//)],
    });
  });

  it("a re-fire updates the live warning, never duplicates it", async () => {
    const t = await setup({ sustainSeconds: 0 });
    await t.post(0, t.series([[0, 22]]));
    await t.post(1, t.series([[1, 45]]));
    await t.post(2, t.series([[2, 46]]));
    const warnings = await warningsOf(t.tenantId);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: "major", fireCount: 2, raisedAt: iso(0) });
    const raised = (await eventsOf(t.tenantId)).filter((e) => e.type === "warning.raised");
    expect(raised.map((e) => e.subject.level)).toEqual(["general", "major"]);
  });

  it("stays open while any sensor of the source under the rule still breaches", async () => {
    const quick = { sustainSeconds: 0, recoverySeconds: 0 };
    const t = await setup(quick);
    const b = await putIndicator(store, t.source, `${t.tenantId}~IND2`, iso(-60), quick);
    const readingsOf = (indicatorId: string, points: readonly [number, number][]) =>
      points.map(([m, value]) => ({ indicatorId, at: iso(m), value }));
    const sustained = async () =>
      (await warningsOf(t.tenantId)).filter((w) => w.rule === "threshold-sustained");
    const claim = () => claimOf(t.tenantId, t.source, "threshold-sustained");

    await t.post(0, t.series([[0, 22]]));
    await t.post(1, readingsOf(b.id, [[1, 22]]));
    let [warning] = await sustained();
    expect(warning).toMatchObject({ status: "open", fireCount: 2, detail: { indicatorId: b.id } });
    expect(warning?.holders).toEqual([t.indicator.id, b.id]);

    // B recovers: A still breaches, so the warning stays open, its claim kept, nothing published.
    await t.post(2, readingsOf(b.id, [[2, 5]]));
    [warning] = await sustained();
    expect(warning).toMatchObject({ status: "open", holders: [t.indicator.id] });
    expect(await claim()).toMatchObject({ warningId: warning?.id });
    const published = async () =>
      (await eventsOf(t.tenantId))
        .filter((e) => (e.data as { rule: string }).rule === "threshold-sustained")
        .map((e) => e.type)
        .sort();
    expect(await published()).toEqual(["warning.raised"]);
    const { data: audits } = await store.entities.auditRecord.query
      .byTenant({ tenantId: t.tenantId })
      .go({ pages: "all" });
    const release = audits
      .map((d) => d.record as AuditRecord)
      .find((a) => a.action === "warning.release");
    expect(release).toMatchObject({
      target: { type: "warning", id: warning?.id },
      before: { holders: [t.indicator.id, b.id] },
      after: { status: "open", holders: [t.indicator.id] },
    });

    // A recovers too: the last one holding it clears it.
    await t.post(3, t.series([[3, 5]]));
    [warning] = await sustained();
    expect(warning?.status).toBe("cleared");
    expect(await claim()).toBeNull();
    expect(await published()).toEqual(["warning.raised", "warning.resolved"]);

    // A's state knows it recovered, so its next breach raises a new warning.
    await t.post(4, t.series([[4, 22]]));
    const after = await sustained();
    expect(after.map((w) => w.status).sort()).toEqual(["cleared", "open"]);
    const reopened = after.find((w) => w.status === "open");
    expect(reopened?.holders).toEqual([t.indicator.id]);
    expect(await claim()).toMatchObject({ warningId: reopened?.id });
  });

  it("a drifting reading raises a predicted breach (预测预警) before the threshold", async () => {
    const t = await setup();
    await t.post(6, t.series([0, 1, 2, 3, 4, 5].map((m) => [m, 10 + m * 0.2] as [number, number])));
    const warnings = await warningsOf(t.tenantId);
    expect(warnings.map((w) => [w.rule, w.level])).toContainEqual([
      "threshold-predicted",
      "general",
    ]);
    const predicted = warnings.find((w) => w.rule === "threshold-predicted");
    expect(Date.parse(predicted?.detail.predictedAt ?? "")).toBeGreaterThan(at(45).getTime());
  });

  it("keeps the good readings of a batch with bad ones, reporting each bad one by index", async () => {
    const t = await setup();
    const other = await setup();
    const result = await t.post(5, [
      { indicatorId: t.indicator.id, at: iso(0), value: 5 },
      { indicatorId: t.indicator.id, at: "yesterday", value: 5 },
      { indicatorId: t.indicator.id, at: iso(1), value: "high" },
      { indicatorId: other.indicator.id, at: iso(1), value: 5 },
      { indicatorId: `${t.tenantId}~nope`, at: iso(1), value: 5 },
      { indicatorId: t.indicator.id, at: iso(60), value: 5 },
      { indicatorId: t.indicator.id, at: iso(2), value: 6, extra: true },
      { indicatorId: t.indicator.id, at: iso(3), value: 7 },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, "reading.invalid"],
      [2, "reading.invalid"],
      [3, "indicator.notFound"],
      [4, "indicator.notFound"],
      [5, "reading.inFuture"],
      [6, "reading.invalid"],
    ]);
    const { data } = await store.entities.indicatorState
      .get({ tenantId: t.tenantId, indicatorId: t.indicator.id })
      .go();
    expect(data?.state).toMatchObject({ lastValue: 7, lastAt: iso(3) });
    expect(t.archive.lines.map((l) => l.value)).toEqual([5, 7]);
  });

  it("refuses, one by one, the readings of an indicator whose source was removed", async () => {
    const t = await setup({ sustainSeconds: 0 });
    const gone = await putSource(store, t.tenantId, `${t.tenantId}~RS2`);
    const orphan = await putIndicator(store, gone, `${t.tenantId}~IND2`, iso(-60), {
      sustainSeconds: 0,
    });
    await store.entities.riskSource.delete({ tenantId: t.tenantId, id: gone.id }).go();
    // The orphan's readings would raise a warning for a source that no longer exists.
    const result = await t.post(5, [
      { indicatorId: t.indicator.id, at: iso(0), value: 5 },
      { indicatorId: orphan.id, at: iso(0), value: 90 },
      { indicatorId: orphan.id, at: iso(1), value: 95 },
      { indicatorId: t.indicator.id, at: iso(1), value: 6 },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, "riskSource.removed"],
      [2, "riskSource.removed"],
    ]);
    expect(t.archive.lines.map((l) => l.indicatorId)).toEqual([t.indicator.id, t.indicator.id]);
    expect(await warningsOf(t.tenantId)).toEqual([]);
  });

  it("is idempotent per (indicator, timestamp): a re-post changes nothing", async () => {
    const t = await setup({ sustainSeconds: 0 });
    const batch = t.series([
      [0, 5],
      [1, 41],
      [2, 41],
    ]);
    const first = await t.post(3, batch);
    const before = await store.entities.indicatorState
      .get({ tenantId: t.tenantId, indicatorId: t.indicator.id })
      .go();
    const again = await t.post(4, batch);
    expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, rejected: [] });
    const after = await store.entities.indicatorState
      .get({ tenantId: t.tenantId, indicatorId: t.indicator.id })
      .go();
    expect(after.data?.version).toBe(before.data?.version);
    expect(t.archive.lines).toHaveLength(3);
    expect(await warningsOf(t.tenantId)).toHaveLength(1);
  });

  it("archives before it writes state: an archive that is down fails the batch and loses nothing", async () => {
    const t = await setup();
    t.archive.down = true;
    await expect(t.post(1, t.series([[0, 5]]))).rejects.toThrow("archive down");
    t.archive.down = false;
    expect(await t.post(2, t.series([[0, 5]]))).toMatchObject({ accepted: 1 });
    expect(t.archive.lines).toHaveLength(1);
  });
});

describe("escalation sweep", () => {
  async function redWarning(place?: Parameters<typeof putSource>[3]) {
    const t = await setup({ sustainSeconds: 0 }, place);
    await t.post(0, t.series([[0, 45]]));
    const [warning] = await warningsOf(t.tenantId);
    return { ...t, warning: warning as Warning };
  }

  async function reload(id: string, tenantId: string): Promise<Warning> {
    const { data } = await store.entities.warning.get({ tenantId, id }).go({ consistent: true });
    return data?.record as Warning;
  }

  it("escalates an unacknowledged red warning after 15 minutes, step by step", async () => {
    const t = await redWarning();
    expect(await escalationSweep(store, at(14))).not.toContain(t.warning.id);
    expect(await escalationSweep(store, at(15))).toContain(t.warning.id);
    // Raised to the enterprise and its street; the district and the industry department at 15.
    expect((await reload(t.warning.id, t.tenantId)).escalation.step).toBe("district");
    expect(await escalationSweep(store, at(16))).not.toContain(t.warning.id);
    expect(await escalationSweep(store, at(30))).toContain(t.warning.id);
    const escalated = (await eventsOf(t.tenantId)).filter((e) => e.type === "warning.escalated");
    expect(escalated.map((e) => (e.data as { step: string }).step)).toEqual(["district", "city"]);
    expect(escalated[0]?.data).toMatchObject({
      from: "street",
      reason: "unacknowledged",
      jurisdictions: expect.arrayContaining(["d:110105"]),
    });
  });

  it("re-escalates when acknowledged but not resolved in time", async () => {
    const t = await redWarning();
    const caller = enterpriseCaller(t.tenantId);
    const scope = { kind: "tenant" as const, tenantId: t.tenantId };
    await actOnWarning(caller, scope, t.warning.id, "acknowledge", "收到", undefined, at(5));
    // Twice is harmless.
    const again = await actOnWarning(
      caller,
      scope,
      t.warning.id,
      "acknowledge",
      undefined,
      undefined,
      at(6),
    );
    expect(again.timeline.filter((e) => e.kind === "acknowledged")).toHaveLength(1);
    expect(await escalationSweep(store, at(30))).not.toContain(t.warning.id);
    // Red: 4 hours to resolve after acknowledgement.
    expect(await escalationSweep(store, at(5 + 240))).toContain(t.warning.id);
    const w = await reload(t.warning.id, t.tenantId);
    expect(w.escalation).toMatchObject({ step: "district", awaiting: "resolve" });
    const resolved = await actOnWarning(
      caller,
      scope,
      t.warning.id,
      "resolve",
      "已处置",
      undefined,
      at(250),
    );
    expect(resolved.status).toBe("resolved");
    expect(await escalationSweep(store, at(10_000))).not.toContain(t.warning.id);
    const types = (await eventsOf(t.tenantId)).map((e) => e.type).sort();
    expect(types).toEqual([
      "warning.acknowledged",
      "warning.escalated",
      "warning.raised",
      "warning.resolved",
    ]);
    // Every transition audited, by whom, once each (the second acknowledgement changed nothing).
    const { data: audits } = await store.entities.auditRecord.query
      .byTenant({ tenantId: t.tenantId })
      .go({ pages: "all" });
    const trail = audits
      .map((d) => d.record as AuditRecord)
      .filter((a) => a.target.id === t.warning.id)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((a) => [a.action, a.actor.userId]);
    expect(trail).toEqual([
      ["warning.raise", "gateway"],
      ["warning.acknowledge", caller.userId],
      ["warning.escalate", "system:warnings-sweep"],
      ["warning.resolve", caller.userId],
    ]);
  });

  it("follows a district's own deadlines, not the city's defaults", async () => {
    // Haidian's officials give red 5 minutes at each step; Chaoyang keeps the default 15.
    const official: Caller = {
      userId: "u-haidian-official",
      tenantId: "t-district-110108",
      role: "districtOfficial",
      jurisdiction: { citywide: false, districts: [{ district: "110108" }], industries: [] },
    };
    const defaults = (await timingFor(store, "110108")).timing;
    await setTiming(
      store,
      official,
      "110108",
      { ...defaults, acknowledgeMinutes: { ...defaults.acknowledgeMinutes, major: 5 } },
      0,
      at(-1),
    );
    const haidian = await redWarning({ district: "110108", street: "中关村街道", industry: "gas" });
    const chaoyang = await redWarning();
    const escalated = await escalationSweep(store, at(5));
    expect(escalated).toContain(haidian.warning.id);
    expect(escalated).not.toContain(chaoyang.warning.id);
    expect(await escalationSweep(store, at(15))).toContain(chaoyang.warning.id);
  });

  it("can be killed midway: a re-run finishes the rest, nothing lost or doubled", async () => {
    const many = await Promise.all([redWarning(), redWarning(), redWarning(), redWarning()]);
    const ids = many.map((m) => m.warning.id);
    let units = 0;
    const dying = Object.create(store, {
      transaction: {
        value: {
          write: (...args: Parameters<Store["transaction"]["write"]>) => {
            units += 1;
            if (units > 2) throw new Error("killed");
            return store.transaction.write(...args);
          },
        },
      },
    }) as Store;
    await expect(escalationSweep(dying, at(15))).rejects.toThrow("killed");
    const rerun = await escalationSweep(store, at(15));
    const rerunOurs = rerun.filter((id) => ids.includes(id));
    expect(rerunOurs.length).toBeGreaterThan(0);
    expect(await escalationSweep(store, at(15))).toEqual([]);
    for (const m of many) {
      const w = await reload(m.warning.id, m.tenantId);
      expect(w.escalation.step).toBe("district");
      expect(w.timeline.filter((e) => e.kind === "escalated")).toHaveLength(1);
      const escalated = (await eventsOf(m.tenantId)).filter((e) => e.type === "warning.escalated");
      expect(escalated).toHaveLength(1);
    }
  });
});

describe("stale sensors", () => {
  it("raises once for a sensor gone quiet, and its next reading clears it", async () => {
    const t = await setup();
    await t.post(0, t.series([[0, 5]]));
    const shard = shardOf(t.indicator.id, STALENESS_SHARDS);
    // Other tests' indicators share the table: only this tenant's warnings are looked at.
    const ours = (ids: string[]) => ids.filter((id) => id.startsWith(`${t.tenantId}~`));
    expect(ours(await stalenessSweep(store, at(14), shard))).toEqual([]);
    const raised = ours(await stalenessSweep(store, at(15), shard));
    const [warning] = await warningsOf(t.tenantId);
    expect(raised).toEqual([warning?.id]);
    expect(warning).toMatchObject({ rule: "sensor-stale", level: "general" });
    expect(ours(await stalenessSweep(store, at(20), shard))).toEqual([]);
    await t.post(21, t.series([[21, 5]]));
    expect((await warningsOf(t.tenantId)).map((w) => w.status)).toEqual(["cleared"]);
  });
});

// A removed source's live warnings would otherwise escalate up the chain for a source that no
// longer exists: the removal clears them in its own unit of work.
describe("removing a source", () => {
  const tenantScope = (tenantId: string) => ({ kind: "tenant" as const, tenantId });
  const versionOf = async (tenantId: string, id: string) =>
    (await store.entities.riskSource.get({ tenantId, id }).go()).data?.version ?? 0;

  it("clears its live warnings, stops their escalation and refuses its readings", async () => {
    const t = await setup({ sustainSeconds: 0 });
    await t.post(1, t.series([[0, 30]]));
    const [raised] = await warningsOf(t.tenantId);
    expect(raised?.status).toBe("open");

    const caller = enterpriseCaller(t.tenantId);
    const version = await versionOf(t.tenantId, t.source.id);
    await removeRiskSource(caller, tenantScope(t.tenantId), t.source.id, version, at(2));

    const [cleared] = await warningsOf(t.tenantId);
    expect(cleared?.status).toBe("cleared");
    expect(cleared?.timeline.at(-1)).toMatchObject({ kind: "sourceRemoved", by: caller.userId });
    expect(await claimOf(t.tenantId, t.source, "threshold-sustained")).toBeNull();
    const resolved = (await eventsOf(t.tenantId)).filter((e) => e.type === "warning.resolved");
    expect(resolved.map((e) => (e.data as { resolution: string }).resolution)).toEqual(["cleared"]);
    // Past every deadline: nothing of it escalates.
    expect(await escalationSweep(store, at(7 * 24 * 60))).not.toContain(raised?.id);
    const later = await t.post(10, t.series([[9, 40]]));
    expect(later.rejected.map((r) => r.code)).toEqual(["riskSource.removed"]);
    expect((await warningsOf(t.tenantId)).map((w) => w.status)).toEqual(["cleared"]);

    // Its indicators go after it, through the outbox: delivered twice, deleted once.
    const { data: messages } = await store.entities.outboxMessage.query
      .byTenant({ tenantId: t.tenantId })
      .go({ pages: "all" });
    const removal = messages.find((m) => m.record.effect.channel === "indicators");
    expect(removal?.record.effect).toEqual({
      channel: "indicators",
      tenantId: t.tenantId,
      riskSourceId: t.source.id,
    });
    const key = { tenantId: t.tenantId, id: removal?.record.id ?? "" };
    expect(await deliverMessage(store, key, at(11))).toBe("delivered");
    expect(await deliverMessage(store, key, at(12))).toBe("skipped");
    const indicatorKey = { tenantId: t.tenantId, riskSourceId: t.source.id, id: t.indicator.id };
    expect((await store.entities.indicator.get(indicatorKey).go()).data).toBeNull();
    const stateKey = { tenantId: t.tenantId, indicatorId: t.indicator.id };
    expect((await store.entities.indicatorState.get(stateKey).go()).data).toBeNull();
    expect(await removeIndicatorsOf(store, t.tenantId, t.source.id)).toBe(0);
    const after = await t.post(13, t.series([[12, 40]]));
    expect(after.rejected.map((r) => r.code)).toEqual(["indicator.notFound"]);
  });

  it("deletes every indicator of a source with more than a batch of them", async () => {
    const t = await setup({ sustainSeconds: 0 });
    await t.post(1, t.series([[0, 30]]));
    const indicatorKey = { tenantId: t.tenantId, riskSourceId: t.source.id, id: t.indicator.id };
    const stateKey = { tenantId: t.tenantId, indicatorId: t.indicator.id };
    const indicator = (await store.entities.indicator.get(indicatorKey).go()).data;
    const state = (await store.entities.indicatorState.get(stateKey).go()).data;
    if (!indicator || !state) throw new Error("the setup's indicator has no state");
    // 60 more: past the 25 records of one BatchWriteItem call.
    const ids = Array.from({ length: 60 }, (_, i) => `${t.indicator.id}-copy-${i}`);
    await store.entities.indicator.put(ids.map((id) => ({ ...indicator, id }))).go();
    await store.entities.indicatorState.put(ids.map((id) => ({ ...state, indicatorId: id }))).go();

    expect(await removeIndicatorsOf(store, t.tenantId, t.source.id)).toBe(61);
    const left = await store.entities.indicator.query
      .byTenant({ tenantId: t.tenantId, riskSourceId: t.source.id })
      .go({ pages: "all" });
    expect(left.data).toEqual([]);
    const states = await store.entities.indicatorState
      .get([t.indicator.id, ...ids].map((indicatorId) => ({ tenantId: t.tenantId, indicatorId })))
      .go();
    expect(states.data).toEqual([]);
  });

  it("is refused whole when a warning of the source is raised meanwhile", async () => {
    const t = await setup({ sustainSeconds: 0 });
    const caller = enterpriseCaller(t.tenantId);
    // The removal's warning writes, read while the source has no warning…
    const steps = await sourceRemovalWarningSteps(
      store,
      t.tenantId,
      t.source.id,
      { userId: caller.userId, tenantId: t.tenantId, role: caller.role },
      at(2),
    );
    // …then a reading raises one before they are written.
    await t.post(1, t.series([[0, 30]]));
    const outcome = await attemptTogether(store, [
      {
        action: (tx) => tx.riskSource.delete({ tenantId: t.tenantId, id: t.source.id }).commit(),
      },
      ...steps,
    ]);
    expect(outcome.committed).toBe(false);
    expect(await versionOf(t.tenantId, t.source.id)).toBeGreaterThan(0);
    expect((await warningsOf(t.tenantId)).map((w) => w.status)).toEqual(["open"]);
  });
});
