import { describe, expect, it } from "vitest";
import { parseJurisdiction } from "../tenancy/claims.ts";
import { planReviewQueue } from "./review-queue.ts";

const plan = (token: string, filter = {}) => planReviewQueue(parseJurisdiction(token), filter);

describe("planReviewQueue", () => {
  it("reads the city's queue for the whole city, narrowed by filters in the query", () => {
    expect(plan("*")).toEqual({ queue: { index: "city" }, places: [], industries: [] });
    expect(plan("*", { district: "110105" })).toEqual({
      queue: { index: "district", district: "110105" },
      places: [],
      industries: [],
    });
    expect(plan("*", { industry: "gas" })).toEqual({
      queue: { index: "industry", industry: "gas" },
      places: [],
      industries: [],
    });
  });

  it("reads one district's queue for a district or street official, streets filtered", () => {
    expect(plan("d:110105")).toEqual({
      queue: { index: "district", district: "110105" },
      places: [],
      industries: [],
    });
    expect(plan("d:110105/建外街道")).toEqual({
      queue: { index: "district", district: "110105" },
      places: [{ district: "110105", street: "建外街道" }],
      industries: [],
    });
  });

  it("reads the department's queue for an industry official, its districts filtered", () => {
    expect(plan("i:gas;d:110105")).toEqual({
      queue: { index: "industry", industry: "gas" },
      places: [{ district: "110105" }],
      industries: [],
    });
  });

  it("filters several grants in the city's queue", () => {
    expect(plan("d:110105;d:110108")).toEqual({
      queue: { index: "city" },
      places: [{ district: "110105" }, { district: "110108" }],
      industries: [],
    });
  });

  it("plans nothing for filters outside the scope, or no jurisdiction", () => {
    expect(plan("d:110105", { district: "110108" })).toBeNull();
    expect(plan("i:gas", { industry: "commerce" })).toBeNull();
    expect(plan("d:110105/建外街道", { street: "三里屯街道" })).toBeNull();
    expect(plan("")).toBeNull();
  });
});
