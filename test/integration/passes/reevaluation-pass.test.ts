import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { runPassMessage } from "../../../functions/passes/pass-messages.ts";
import { profileChangeStart } from "../../../functions/passes/pass-queue.ts";
import { passProgress, runSegment } from "../../../functions/passes/pass-runner.ts";
import { reevaluationPlan } from "../../../functions/passes/reevaluation.ts";
import { sweepStart } from "../../../functions/passes/reevaluation-run.ts";
import { writeTogether } from "../../../functions/platform/data/unit-of-work.ts";
import { mulberry32 } from "../../../infra/local/seed/prng.ts";
import type { Assessment } from "../../../shared/risk/assessment.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import { lecGradedSource, lecNextVersion, queuedSegments } from "../../support/profile-versions.ts";

// The re-evaluation pass against DynamoDB Local with a controllable clock: publishing
// lec-default v2 re-grades exactly the sources whose level moves (each once, with one
// risk-level.changed event and one audit record), a worker killed midway and the messages
// delivered again grade nobody twice and miss nobody, and retiring v2 moves them back.
const NOW = new Date("2026-12-04T02:00:00Z");
const clock = () => NOW;
const TENANTS = ["t-reeval-a", "t-reeval-b", "t-reeval-c"];
const SEGMENTS = 4;

describe("re-evaluation pass", () => {
  let store: Store;
  const moving = new Set<string>();
  const all: RiskSource[] = [];

  beforeAll(async () => {
    const table = await freshTable("reevaluation");
    store = storeFor(localAws().dynamodb, table.tableName);
    const prng = mulberry32(12);
    for (let i = 0; i < 45; i++) {
      const tenantId = TENANTS[i % TENANTS.length] as string;
      const built = lecGradedSource(prng, tenantId, i, i % 3 === 0, i % 2 === 0);
      if (i % 3 === 0) moving.add(built.source.id);
      all.push(built.source);
      await writeTogether(store, [
        { action: (tx) => tx.riskSource.put(built.sourceItem).commit() },
        { action: (tx) => tx.assessment.put(built.assessmentItem).commit() },
      ]);
    }
    const v2 = lecNextVersion(2);
    await store.entities.methodProfile.create({ profileId: v2.id, version: 2, record: v2 }).go();
  });

  async function sources(): Promise<RiskSource[]> {
    const found = await Promise.all(
      TENANTS.map((tenantId) =>
        store.entities.riskSource.query.byTenant({ tenantId }).go({ pages: "all" }),
      ),
    );
    return found.flatMap((f) => f.data.map((d) => d.record));
  }

  async function assessments(): Promise<Assessment[]> {
    const found = await Promise.all(
      TENANTS.map((tenantId) =>
        store.entities.assessment.scan
          .where(({ tenantId: t }, { eq }) => eq(t, tenantId))
          .go({ pages: "all" }),
      ),
    );
    return found.flatMap((f) => f.data.map((d) => d.record));
  }

  /** Product events of one type in the outbox, as `<riskSourceId>` per event. */
  async function events(type: string): Promise<string[]> {
    const ids: string[] = [];
    for (const tenantId of TENANTS) {
      const { data } = await store.entities.outboxMessage.query
        .byTenant({ tenantId })
        .go({ pages: "all" });
      for (const m of data) {
        const effect = m.record.effect;
        if (effect.channel !== "topic" || effect.topic !== "events") continue;
        const envelope = JSON.parse(effect.message) as {
          type: string;
          subject: { riskSourceId: string };
        };
        if (envelope.type === type) ids.push(envelope.subject.riskSourceId);
      }
    }
    return ids.sort();
  }

  async function audits(): Promise<string[]> {
    const found = await Promise.all(
      TENANTS.map((tenantId) =>
        store.entities.auditRecord.query.byTenant({ tenantId }).go({ pages: "all" }),
      ),
    );
    return found
      .flatMap((f) => f.data.map((d) => d.record))
      .filter((r) => r.action === "assessment.reevaluate")
      .map((r) => r.target.id)
      .sort();
  }

  it("re-grades only the sources whose level moves, once each, killed midway and resumed", async () => {
    const start = { ...profileChangeStart("lec-default", 2, "published"), segments: SEGMENTS };
    await runPassMessage(store, start, clock);
    // The start delivered twice queues nothing more.
    await runPassMessage(store, start, clock);
    const queued = await queuedSegments(store, start.passId);
    expect(queued.map((m) => (m.kind === "reevaluation-segment" ? m.segment : -1)).sort()).toEqual([
      0, 1, 2, 3,
    ]);

    // A worker on segment 0 dies after two re-grades, with small pages so it stops mid-segment.
    const plan = await reevaluationPlan(store, start, clock, 3);
    let acts = 0;
    const dying = {
      ...plan,
      act: async (item: Parameters<typeof plan.act>[0]) => {
        if (++acts === 5) throw new Error("killed");
        return plan.act(item);
      },
    };
    await expect(runSegment(store, dying, "0", clock)).rejects.toThrow("killed");
    const halfway = await passProgress(store, start.passId);
    expect(halfway).toMatchObject({ segments: SEGMENTS, segmentsDone: 0, done: false });

    // Every message delivered (segment 0 again), then every one a second time.
    for (const message of [...queued, ...queued]) await runPassMessage(store, message, clock);

    const after = await sources();
    const changed = after.filter((s) => s.lastAssessment?.profileVersion === 2);
    expect(changed.map((s) => s.id).sort()).toEqual([...moving].sort());
    for (const source of changed) expect(source.currentLevel).toBe("significant");
    // The others were not written at all: same version as seeded.
    for (const source of after.filter((s) => !moving.has(s.id))) {
      expect(source.version).toBe(all.find((s) => s.id === source.id)?.version);
    }
    expect(await events("risk-level.changed")).toEqual([...moving].sort());
    expect(await audits()).toEqual([...moving].sort());
    const regraded = (await assessments()).filter((a) => a.trigger === "profileChange");
    expect(regraded.map((a) => a.riskSourceId).sort()).toEqual([...moving].sort());
    expect(
      regraded.every((a) => a.profileVersion === 2 && a.assessedBy === "system:reevaluation"),
    ).toBe(true);
    const progress = await passProgress(store, start.passId);
    expect(progress).toMatchObject({ segments: SEGMENTS, segmentsDone: SEGMENTS, done: true });
    // Counters follow whole pages: re-grades the killed worker wrote before its page's checkpoint
    // are in the table (asserted above), not in its count.
    expect(progress?.acted).toBeLessThanOrEqual(moving.size);
    expect(progress?.acted).toBeGreaterThan(0);
  });

  it("keeps review standing: an accepted grade stays accepted, one awaiting review is superseded", async () => {
    const history = await assessments();
    for (const id of moving) {
      const own = history.filter((a) => a.riskSourceId === id);
      const original = own.find((a) => a.trigger !== "profileChange");
      const regraded = own.find((a) => a.trigger === "profileChange");
      expect(original && regraded).toBeTruthy();
      if (original?.review) {
        expect([original.status, regraded?.status]).toEqual(["accepted", "accepted"]);
      } else {
        expect([original?.status, regraded?.status]).toEqual(["superseded", "submitted"]);
      }
    }
  });

  it("retiring the version re-grades its sources under the current one, and nobody else", async () => {
    await store.entities.profileRetirement
      .create({
        profileId: "lec-default",
        version: 2,
        retiredAt: NOW.toISOString(),
        retiredBy: "u",
      })
      .go();
    const start = { ...profileChangeStart("lec-default", 2, "retired"), segments: SEGMENTS };
    await runPassMessage(store, start, clock);
    for (const message of await queuedSegments(store, start.passId)) {
      await runPassMessage(store, message, clock);
    }
    const after = await sources();
    expect(after.every((s) => s.lastAssessment?.profileVersion === 1)).toBe(true);
    for (const s of after.filter((x) => moving.has(x.id))) expect(s.currentLevel).toBe("general");
    // Each moving source changed twice now (v1 → v2 → v1): two events, never more.
    const changes = await events("risk-level.changed");
    expect(changes).toEqual([...moving, ...moving].sort());
    expect((await passProgress(store, start.passId))?.acted).toBe(moving.size);
  });

  it("the daily sweep re-grades what a lost trigger left on an old version", async () => {
    const v3 = lecNextVersion(3);
    await store.entities.methodProfile.create({ profileId: v3.id, version: 3, record: v3 }).go();
    // v3 is published, but its publication's message never arrived: only the sweep finds it.
    const at = new Date("2026-12-04T19:00:00Z"); // 03:00 Beijing on 5 December
    expect(sweepStart(at)).toMatchObject({
      kind: "reevaluation-start",
      passId: "reevaluation-sweep-2026-12-05",
      profileIds: [],
    });
    // Every profile, over this test's few segments (the sweep's 64 read the same table).
    const start = { ...sweepStart(at), segments: SEGMENTS };
    await runPassMessage(store, start, () => at);
    for (const message of await queuedSegments(store, start.passId)) {
      await runPassMessage(store, message, () => at);
    }
    const after = await sources();
    const onV3 = after.filter((s) => s.lastAssessment?.profileVersion === 3);
    expect(onV3.map((s) => s.id).sort()).toEqual([...moving].sort());
    for (const s of onV3) expect(s.currentLevel).toBe("significant");
    expect(await passProgress(store, start.passId)).toMatchObject({
      done: true,
      acted: moving.size,
    });
  });
});
