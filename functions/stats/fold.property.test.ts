import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVELS, type Level } from "../../shared/methodology/levels.ts";
import {
  recompute,
  type SourceContribution,
  slicesForJurisdiction,
  sumCounts,
  summaryOf,
} from "../../shared/stats/contribution.ts";
import {
  enterpriseContributions,
  type RegistrySource,
  type ReviewNoticeRef,
} from "../../shared/stats/enterprise-recompute.ts";
import type { Jurisdiction } from "../../shared/tenancy/claims.ts";
import { covers } from "../../shared/tenancy/scope.ts";
import type { TenantStatus } from "../../shared/tenancy/tenant.ts";
import { foldChanges } from "./fold.ts";
import { type FoldChange, STATS_SHARDS } from "./fold-model.ts";
import { MemoryFoldStore } from "./memory-fold-store.ts";

const districts = ["110101", "110105", "110108"];
const streets = ["望京街道", "建外街道", "中关村街道"];
const industries = ["hazardous-chemicals", "metallurgy", "commerce"];
const types = ["fire", "explosion-other", "electrocution", "fall-from-height"];

const place = fc.record({
  district: fc.constantFrom(...districts),
  street: fc.constantFrom(...streets),
  industry: fc.constantFrom(...industries),
});
const level: fc.Arbitrary<Level | null> = fc.constantFrom(null, ...LEVELS);
const tenants = ["t1", "t2", "t3"];
const dueDates = ["2026-03-01T00:00:00.000Z", "2026-09-01T00:00:00.000Z"];
type Place = { district: string; street: string; industry: string };

type Mutation =
  | { kind: "register"; tenant: number; place: Place; types: string[] }
  | { kind: "grade"; which: number; level: Level | null; due: string }
  | { kind: "move"; which: number; place: Place }
  | { kind: "delete"; which: number }
  | { kind: "redeliver"; which: number }
  /** A tenant's sign-up, approval, suspension (`null`: not an enterprise). */
  | { kind: "tenant"; tenant: number; status: TenantStatus | null }
  /** An enterprise profile written or moved (`null`: removed). */
  | { kind: "profile"; tenant: number; place: Place | null }
  /** The review-due pass announces a source overdue for its due date, or a stale one. */
  | { kind: "notice"; which: number; stale: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("register" as const),
    tenant: fc.nat(),
    place,
    types: fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("grade" as const),
    which: fc.nat(),
    level,
    due: fc.constantFrom(...dueDates),
  }),
  fc.record({ kind: fc.constant("move" as const), which: fc.nat(), place }),
  fc.record({ kind: fc.constant("delete" as const), which: fc.nat() }),
  fc.record({ kind: fc.constant("redeliver" as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant("tenant" as const),
    tenant: fc.nat(),
    status: fc.constantFrom(null, "preregistered", "pending", "active", "rejected", "suspended"),
  }),
  fc.record({
    kind: fc.constant("profile" as const),
    tenant: fc.nat(),
    place: fc.option(place, { nil: null }),
  }),
  fc.record({ kind: fc.constant("notice" as const), which: fc.nat(), stale: fc.boolean() }),
);

const jurisdiction: fc.Arbitrary<Jurisdiction> = fc.oneof(
  fc.constant<Jurisdiction>({ citywide: true, districts: [], industries: [] }),
  fc.record({
    citywide: fc.constant(false),
    districts: fc.array(
      fc.record(
        {
          district: fc.constantFrom(...districts),
          street: fc.option(fc.constantFrom(...streets), { nil: undefined }),
        },
        { requiredKeys: ["district"] },
      ),
      { maxLength: 3 },
    ),
    industries: fc.uniqueArray(fc.constantFrom(...industries), { maxLength: 2 }),
  }),
);

interface Registered {
  tenantId: string;
  version: number;
  contribution: SourceContribution;
}

/**
 * Plays mutations on a registry and through the fold, in stream batches of `batchSize` records
 * (with stream redelivery mixed in).
 */
async function play(mutations: readonly Mutation[], batchSize = 1) {
  const registry = new Map<string, Registered>();
  const statuses = new Map<string, { version: number; status: TenantStatus | null }>();
  const places = new Map<string, { version: number; place: Place | null }>();
  const notices: ReviewNoticeRef[] = [];
  const delivered: FoldChange[] = [];
  const store = new MemoryFoldStore();
  let batch: FoldChange[] = [];
  let next = 0;
  const flush = async () => {
    await foldChanges(store, batch);
    batch = [];
  };
  const carry = async (change: FoldChange) => {
    batch.push(change);
    if (batch.length >= batchSize) await flush();
  };
  const deliver = async (change: FoldChange) => {
    delivered.push(change);
    await carry(change);
  };
  for (const m of mutations) {
    const ids = [...registry.keys()];
    const pick = (n: number) => ids[n % Math.max(ids.length, 1)];
    if (m.kind === "register") {
      const id = `rs-${next++}`;
      const tenantId = tenants[m.tenant % tenants.length] ?? "t1";
      const contribution: SourceContribution = { ...m.place, level: null, accidentTypes: m.types };
      registry.set(id, { tenantId, version: 1, contribution });
      await deliver({ tenantId, sourceId: id, version: 1, contribution });
    } else if (m.kind === "redeliver") {
      const again = delivered[m.which % Math.max(delivered.length, 1)];
      if (again) await carry(again);
    } else if (m.kind === "tenant") {
      const tenantId = tenants[m.tenant % tenants.length] ?? "t1";
      const version = (statuses.get(tenantId)?.version ?? 0) + 1;
      statuses.set(tenantId, { version, status: m.status });
      await deliver({ kind: "tenant", tenantId, version, status: m.status });
    } else if (m.kind === "profile") {
      const tenantId = tenants[m.tenant % tenants.length] ?? "t1";
      const version = (places.get(tenantId)?.version ?? 0) + 1;
      places.set(tenantId, { version, place: m.place });
      await deliver({ kind: "enterprise", tenantId, version, place: m.place });
    } else {
      const id = pick(m.which);
      const current = id === undefined ? undefined : registry.get(id);
      if (id === undefined || !current) continue;
      const { tenantId } = current;
      if (m.kind === "notice") {
        const dueAt = m.stale ? "2025-01-01T00:00:00.000Z" : current.contribution.nextReviewAt;
        if (!dueAt) continue;
        notices.push({ tenantId, sourceId: id, dueAt });
        await deliver({ kind: "reviewNotice", tenantId, sourceId: id, dueAt });
        continue;
      }
      const version = current.version + 1;
      if (m.kind === "delete") {
        registry.delete(id);
        await deliver({ tenantId, sourceId: id, version, contribution: null });
        continue;
      }
      const contribution =
        m.kind === "grade"
          ? { ...current.contribution, level: m.level, nextReviewAt: m.level ? m.due : null }
          : { ...current.contribution, ...m.place };
      registry.set(id, { tenantId, version, contribution });
      await deliver({ tenantId, sourceId: id, version, contribution });
    }
  }
  await flush();
  const sources: RegistrySource[] = [...registry].map(([sourceId, r]) => ({ sourceId, ...r }));
  const companies = tenants.map((tenantId) => ({
    tenantId,
    status: statuses.get(tenantId)?.status ?? null,
    place: places.get(tenantId)?.place ?? null,
  }));
  const all = [
    ...sources.map((r) => r.contribution),
    ...enterpriseContributions(companies, sources, notices),
  ];
  return { all, store };
}

function foldedSlice(store: MemoryFoldStore, slice: string) {
  return sumCounts(
    Array.from(
      { length: STATS_SHARDS },
      (_, shard) => store.slices.get(`${slice}#${shard}`)?.counts ?? {},
    ),
  );
}

describe("statistics folded as data change", () => {
  it("equal a recomputation from the registry after any mutations in any batches, redelivery included — enterprises' coverage too", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        async (mutations, batchSize) => {
          const { all, store } = await play(mutations, batchSize);
          const expected = recompute(all);
          const sliceNames = new Set([
            ...expected.keys(),
            ...[...store.slices.keys()].map((k) => k.replace(/#\d+$/, "")),
          ]);
          for (const slice of sliceNames) {
            expect(foldedSlice(store, slice)).toEqual(expected.get(slice) ?? {});
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a jurisdiction's summary equals counting the sources it covers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { maxLength: 40 }),
        jurisdiction,
        async (mutations, j) => {
          const { all, store } = await play(mutations);
          const folded = sumCounts(slicesForJurisdiction(j).map((s) => foldedSlice(store, s)));
          const covered = all.filter((c) => covers(j, c));
          const oracle = recompute(covered).get("*") ?? {};
          expect(summaryOf(folded, "t")).toEqual(summaryOf(oracle, "t"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
