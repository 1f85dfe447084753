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
import type { Jurisdiction } from "../../shared/tenancy/claims.ts";
import { covers } from "../../shared/tenancy/scope.ts";
import { foldChanges, type SourceChange, STATS_SHARDS } from "./fold.ts";
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

type Mutation =
  | {
      kind: "register";
      place: { district: string; street: string; industry: string };
      types: string[];
    }
  | { kind: "grade"; which: number; level: Level | null }
  | { kind: "move"; which: number; place: { district: string; street: string; industry: string } }
  | { kind: "delete"; which: number }
  | { kind: "redeliver"; which: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("register" as const),
    place,
    types: fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("grade" as const), which: fc.nat(), level }),
  fc.record({ kind: fc.constant("move" as const), which: fc.nat(), place }),
  fc.record({ kind: fc.constant("delete" as const), which: fc.nat() }),
  fc.record({ kind: fc.constant("redeliver" as const), which: fc.nat() }),
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

/**
 * Plays mutations on a registry and through the fold, in stream batches of `batchSize` records
 * (with stream redelivery mixed in).
 */
async function play(mutations: readonly Mutation[], batchSize = 1) {
  const registry = new Map<string, { version: number; contribution: SourceContribution }>();
  const delivered: SourceChange[] = [];
  const store = new MemoryFoldStore();
  let batch: SourceChange[] = [];
  let next = 0;
  const flush = async () => {
    await foldChanges(store, batch);
    batch = [];
  };
  const carry = async (change: SourceChange) => {
    batch.push(change);
    if (batch.length >= batchSize) await flush();
  };
  const deliver = async (change: SourceChange) => {
    delivered.push(change);
    await carry(change);
  };
  for (const m of mutations) {
    const ids = [...registry.keys()];
    const pick = (n: number) => ids[n % Math.max(ids.length, 1)];
    if (m.kind === "register") {
      const id = `rs-${next++}`;
      const contribution: SourceContribution = { ...m.place, level: null, accidentTypes: m.types };
      registry.set(id, { version: 1, contribution });
      await deliver({ tenantId: "t1", sourceId: id, version: 1, contribution });
    } else if (m.kind === "redeliver") {
      const again = delivered[m.which % Math.max(delivered.length, 1)];
      if (again) await carry(again);
    } else {
      const id = pick(m.which);
      const current = id === undefined ? undefined : registry.get(id);
      if (id === undefined || !current) continue;
      const version = current.version + 1;
      if (m.kind === "delete") {
        registry.delete(id);
        await deliver({ tenantId: "t1", sourceId: id, version, contribution: null });
        continue;
      }
      const contribution =
        m.kind === "grade"
          ? { ...current.contribution, level: m.level }
          : { ...current.contribution, ...m.place };
      registry.set(id, { version, contribution });
      await deliver({ tenantId: "t1", sourceId: id, version, contribution });
    }
  }
  await flush();
  return { registry, store };
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
  it("equal a recomputation from the registry after any mutations in any batches, redelivery included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        async (mutations, batchSize) => {
          const { registry, store } = await play(mutations, batchSize);
          const expected = recompute([...registry.values()].map((r) => r.contribution));
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
          const { registry, store } = await play(mutations);
          const folded = sumCounts(slicesForJurisdiction(j).map((s) => foldedSlice(store, s)));
          const covered = [...registry.values()]
            .map((r) => r.contribution)
            .filter((c) => covers(j, c));
          const oracle = recompute(covered).get("*") ?? {};
          expect(summaryOf(folded, "t")).toEqual(summaryOf(oracle, "t"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
