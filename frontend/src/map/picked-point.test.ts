import { describe, expect, it } from "vitest";
import { axisRange, pickedPoint, withinBeijing } from "./picked-point.ts";

describe("the point a click on the location picker means", () => {
  it("rounds a click inside Beijing to six decimals (about 0.1 m)", () => {
    expect(pickedPoint([116.48612345678, 39.9212345678])).toEqual({
      lon: 116.486123,
      lat: 39.921235,
    });
  });

  it("ignores clicks outside Beijing or off the map", () => {
    expect(pickedPoint([118.2, 39.9])).toBeUndefined();
    expect(pickedPoint([116.4, 38.9])).toBeUndefined();
    expect(pickedPoint([Number.NaN, 39.9])).toBeUndefined();
    expect(pickedPoint(undefined)).toBeUndefined();
  });

  it("checks a typed value against Beijing's range of that axis", () => {
    expect(withinBeijing("lon", 116.46)).toBe(true);
    expect(withinBeijing("lat", 116.46)).toBe(false);
    expect(withinBeijing("lat", null)).toBe(false);
    expect(axisRange("lat")).toEqual({ min: 39.4, max: 41.1 });
  });
});
