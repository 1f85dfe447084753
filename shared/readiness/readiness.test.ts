import { describe, expect, it } from "vitest";
import { BEIJING_BOUNDS } from "../catalogs/districts.ts";
import { byDistance, haversineKm, nearestWithin, searchRings } from "./distance.ts";
import { blockAround, cellOf, geohashOf } from "./geohash.ts";
import { drillCutoff, readinessSignals } from "./readiness-rule.ts";

// Deterministic points over Beijing (mulberry32), so the oracle comparisons repeat exactly.
function points(n: number, seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i.toString().padStart(4, "0")}`,
    location: {
      lon: BEIJING_BOUNDS.west + next() * (BEIJING_BOUNDS.east - BEIJING_BOUNDS.west),
      lat: BEIJING_BOUNDS.south + next() * (BEIJING_BOUNDS.north - BEIJING_BOUNDS.south),
    },
  }));
}

const TIANANMEN = { lon: 116.3975, lat: 39.9087 };

describe("geohash", () => {
  it("encodes the textbook point and its cell contains it", () => {
    expect(geohashOf({ lon: -5.6, lat: 42.6 }, 5)).toBe("ezs42");
    const cell = cellOf(geohashOf(TIANANMEN, 7));
    expect(TIANANMEN.lon).toBeGreaterThanOrEqual(cell.west);
    expect(TIANANMEN.lat).toBeLessThanOrEqual(cell.north);
  });

  it("a block is the cell and its eight neighbours", () => {
    const block = blockAround(geohashOf(TIANANMEN, 5));
    expect(new Set(block).size).toBe(9);
    expect(block).toContain(geohashOf(TIANANMEN, 5));
  });
});

describe("distance", () => {
  it("haversine: Tiananmen to the Capital airport is about 25 km", () => {
    expect(haversineKm(TIANANMEN, { lon: 116.5871, lat: 40.0799 })).toBeCloseTo(25.2, 0);
  });

  it("orders by distance, nearest first, ties by id", () => {
    const near = { id: "b", location: { lon: 116.4, lat: 39.91 } };
    const twin = { id: "a", location: { lon: 116.4, lat: 39.91 } };
    const far = { id: "c", location: { lon: 116.6, lat: 40.1 } };
    expect(byDistance(TIANANMEN, [far, near, twin]).map((r) => r.item.id)).toEqual(["a", "b", "c"]);
  });

  it("the rings' answer equals brute force for any origin and limit", () => {
    const all = points(600, 7);
    for (const origin of points(40, 11).map((p) => p.location)) {
      for (const limit of [1, 5, 20]) {
        const expected = byDistance(origin, all)
          .slice(0, limit)
          .map((r) => r.item.id);
        let got: string[] | undefined;
        for (const ring of searchRings(origin)) {
          // What the ring's queries read: the partitions (cells) and sort-key prefixes.
          const read = all.filter((p) => {
            const hash = geohashOf(p.location, 9);
            return ring.queries.some((q) => hash.startsWith(q.cell) && hash.startsWith(q.prefix));
          });
          got = nearestWithin(origin, read, limit, ring.radiusKm)?.map((r) => r.item.id);
          if (got) break;
        }
        expect(got).toEqual(expected);
      }
    }
  });

  it("the first ring is certain for everything within its radius", () => {
    const [first] = searchRings(TIANANMEN);
    expect(first?.queries).toHaveLength(9);
    expect(first?.radiusKm).toBeGreaterThan(3);
    const inside = { id: "x", location: { lon: 116.41, lat: 39.915 } };
    expect(nearestWithin(TIANANMEN, [inside], 1, first?.radiusKm ?? 0)?.[0]?.item.id).toBe("x");
    expect(nearestWithin(TIANANMEN, [inside], 2, first?.radiusKm ?? 0)).toBeUndefined();
  });
});

describe("plan and drill rule (domain.md §5)", () => {
  const now = new Date("2026-11-02T01:00:00.000Z"); // 09:00 in Beijing, 2 November
  const kinds = (facts: Parameters<typeof readinessSignals>[0]) =>
    readinessSignals(facts, now).map((s) => `${s.rule}:${s.kind}`);

  it("a drill counts for 12 months, to the day in Beijing", () => {
    expect(drillCutoff(now)).toBe("2025-11-02");
    expect(drillCutoff(new Date("2026-11-01T16:30:00.000Z"))).toBe("2025-11-02");
  });

  it("a major source without plan or drill raises both", () => {
    expect(kinds({ currentLevel: "major", hasPlan: false, lastDrillOn: null })).toEqual([
      "plan-missing:raise",
      "drill-overdue:raise",
    ]);
  });

  it("a drill a year and a day ago is overdue, one a year ago is not", () => {
    expect(kinds({ currentLevel: "major", hasPlan: true, lastDrillOn: "2025-11-01" })).toEqual([
      "plan-missing:clear",
      "drill-overdue:raise",
    ]);
    expect(kinds({ currentLevel: "major", hasPlan: true, lastDrillOn: "2025-11-02" })).toEqual([
      "plan-missing:clear",
      "drill-overdue:clear",
    ]);
    const overdue = readinessSignals(
      { currentLevel: "major", hasPlan: true, lastDrillOn: "2025-11-01" },
      now,
    );
    expect(overdue[1]).toMatchObject({
      level: "major",
      detail: { dueAt: "2026-10-31T16:00:00.000Z" },
    });
  });

  it("a source that is not major owes nothing", () => {
    expect(kinds({ currentLevel: "significant", hasPlan: false, lastDrillOn: null })).toEqual([
      "plan-missing:clear",
      "drill-overdue:clear",
    ]);
  });
});
