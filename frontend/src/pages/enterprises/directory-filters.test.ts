import { describe, expect, it } from "vitest";
import { directoryFiltersOf } from "./directory-filters.ts";

describe("enterprise directory filters from the address", () => {
  it("reads each known filter", () => {
    const search = new URLSearchParams(
      "district=110105&street=建外街道&industry=gas&stage=current",
    );
    expect(directoryFiltersOf(search)).toEqual({
      district: "110105",
      street: "建外街道",
      industry: "gas",
      stage: "current",
    });
  });

  it("drops only the filter that is not valid, and unknown keys", () => {
    const search = new URLSearchParams("district=999999&industry=gas&stage=lagging&x=1");
    expect(directoryFiltersOf(search)).toEqual({ industry: "gas" });
  });

  it("trims a street and ignores an empty one", () => {
    expect(directoryFiltersOf(new URLSearchParams("street=%20建外街道%20"))).toEqual({
      street: "建外街道",
    });
    expect(directoryFiltersOf(new URLSearchParams("street="))).toEqual({});
  });
});
