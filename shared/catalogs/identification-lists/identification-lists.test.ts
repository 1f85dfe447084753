import { describe, expect, it } from "vitest";
import { grade } from "../../methodology/grading.ts";
import { LEC_DEFAULT } from "../../methodology/profiles/lec-default.ts";
import { getAccidentTypeCatalog } from "../accident-types.ts";
import { HAZARD_FACTOR_CATEGORIES } from "../hazard-factors.ts";
import { getIndustry } from "../industries.ts";
import { getIdentificationItem, IDENTIFICATION_LISTS, identificationListsFor } from "./index.ts";
import { IdentificationListSchema } from "./list-schema.ts";

describe("identification lists", () => {
  it("ships the six lists with 4–8 items each, all valid", () => {
    expect(IDENTIFICATION_LISTS.map((l) => l.id)).toEqual([
      "hazardous-chemicals",
      "gas-stations",
      "crowded-retail",
      "city-parks",
      "construction-sites",
      "confined-space",
    ]);
    for (const list of IDENTIFICATION_LISTS) {
      expect(IdentificationListSchema.parse(list)).toEqual(list);
      expect(list.items.length).toBeGreaterThanOrEqual(4);
      expect(list.items.length).toBeLessThanOrEqual(8);
    }
  });

  it.each(IDENTIFICATION_LISTS)(
    "$id references existing industries, accident types and factors",
    (list) => {
      for (const industry of list.industries) expect(getIndustry(industry)).toBeDefined();
      const catalog = getAccidentTypeCatalog(
        list.accidentTypeCatalog.id,
        list.accidentTypeCatalog.version,
      );
      const accidentIds = new Set(catalog?.entries.map((e) => e.id));
      const factorIds = new Set(HAZARD_FACTOR_CATEGORIES.map((c) => c.id));
      for (const item of list.items) {
        for (const t of item.accidentTypes)
          expect(accidentIds.has(t), `${item.id}: ${t}`).toBe(true);
        for (const f of item.hazardFactors) expect(factorIds.has(f), `${item.id}: ${f}`).toBe(true);
      }
    },
  );

  it("has globally unique item ids that can be looked up", () => {
    const ids = IDENTIFICATION_LISTS.flatMap((l) => l.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(getIdentificationItem("gs-refuelling")?.list.id).toBe("gas-stations");
    expect(getIdentificationItem("nope")).toBeUndefined();
    expect(identificationListsFor("commerce").map((l) => l.id)).toEqual([
      "gas-stations",
      "crowded-retail",
    ]);
  });

  it("suggests LEC inputs that the default LEC profile accepts", () => {
    for (const item of IDENTIFICATION_LISTS.flatMap((l) => l.items))
      if (item.suggestedLec)
        expect(
          () => grade(LEC_DEFAULT, { current: item.suggestedLec ?? {} }),
          item.id,
        ).not.toThrow();
  });

  it("reproduces the gas-station worked example of domain.md §3", () => {
    const level = (id: string) => {
      const lec = getIdentificationItem(id)?.item.suggestedLec;
      return lec && grade(LEC_DEFAULT, { current: lec }).level;
    };
    expect(
      ["gs-refuelling", "gs-forecourt-traffic", "gs-electrical", "gs-canopy"].map(level),
    ).toEqual(["major", "general", "general", "low"]);
  });
});
