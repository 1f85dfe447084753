import { describe, expect, it } from "vitest";
import { parseJurisdiction } from "./claims.ts";
import {
  covers,
  jurisdictionQueryKey,
  type Place,
  placeKeys,
  planJurisdictionQueries,
} from "./scope.ts";

const GAS_STATION: Place = { district: "110105", street: "建外街道", industry: "gas" };

describe("covers", () => {
  it.each([
    ["*", true],
    ["d:110105", true],
    ["d:110105/建外街道", true],
    ["i:gas", true],
    ["d:110105;i:gas", true],
    ["d:110108", false],
    ["i:commerce", false],
    ["", false],
  ])("%s covers a gas station in Chaoyang: %s", (token, expected) => {
    expect(covers(parseJurisdiction(token), GAS_STATION)).toBe(expected);
  });
});

describe("planJurisdictionQueries", () => {
  it("plans no query for no jurisdiction, and every district for *", () => {
    expect(planJurisdictionQueries(parseJurisdiction(""))).toEqual([]);
    expect(planJurisdictionQueries(parseJurisdiction(""), { district: "110105" })).toEqual([]);
    expect(planJurisdictionQueries(parseJurisdiction("*"))).toHaveLength(16);
  });

  it("plans an industry grant across the city on the industry index", () => {
    expect(planJurisdictionQueries(parseJurisdiction("i:gas"))).toEqual([
      { index: "industry", industry: "gas", prefix: [] },
    ]);
  });

  it("names each planned query apart, for the listings' cursors", () => {
    // Citywide plans one query per district: sixteen keys, none shared.
    const keys = planJurisdictionQueries(parseJurisdiction("*")).map(jurisdictionQueryKey);
    expect(keys).toHaveLength(16);
    expect(new Set(keys).size).toBe(16);
    expect(keys).toContain("district:110105:");
    expect(
      jurisdictionQueryKey({ index: "industry", industry: "gas", prefix: ["110105", "建外街道"] }),
    ).toBe("industry:gas:110105/建外街道");
  });
});

describe("placeKeys", () => {
  it("names the index's key and the sort-key prefix, leaving out what the plan does not fix", () => {
    const keysOf = (token: string, filter = {}) =>
      planJurisdictionQueries(parseJurisdiction(token), filter).map(placeKeys);
    expect(keysOf("d:110105")).toEqual([{ index: "district", keys: { district: "110105" } }]);
    expect(keysOf("d:110105/建外街道")).toEqual([
      { index: "district", keys: { district: "110105", street: "建外街道" } },
    ]);
    expect(keysOf("i:gas")).toEqual([{ index: "industry", keys: { industry: "gas" } }]);
    expect(keysOf("i:gas", { district: "110105" })).toEqual([
      { index: "industry", keys: { industry: "gas", district: "110105" } },
    ]);
    expect(keysOf("d:110105/建外街道;i:gas")).toEqual([
      { index: "industry", keys: { industry: "gas", district: "110105", street: "建外街道" } },
    ]);
  });
});
