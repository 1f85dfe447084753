import { describe, expect, it } from "vitest";
import {
  compareLevels,
  isAbove,
  LEVEL_INFO,
  LEVELS,
  LevelSchema,
  levelLabel,
  levelRank,
  maxLevel,
  minLevel,
} from "./levels.ts";

describe("levels", () => {
  it("lists the four levels highest first with the names and colours of domain.md §2", () => {
    expect(LEVELS).toEqual(["major", "significant", "general", "low"]);
    expect(LEVELS.map((l) => [LEVEL_INFO[l].name.zh, LEVEL_INFO[l].colour.hex])).toEqual([
      ["重大风险", "#E5202E"],
      ["较大风险", "#F27B1F"],
      ["一般风险", "#F5C400"],
      ["低风险", "#2F6FDE"],
    ]);
    expect(LEVELS.map((l) => LEVEL_INFO[l].colour.name.zh)).toEqual(["红", "橙", "黄", "蓝"]);
  });

  it("ranks and orders levels", () => {
    expect(LEVELS.map(levelRank)).toEqual([4, 3, 2, 1]);
    expect(compareLevels("major", "low")).toBeGreaterThan(0);
    expect(compareLevels("general", "general")).toBe(0);
    expect(isAbove("significant", "general")).toBe(true);
    expect(isAbove("general", "general")).toBe(false);
    expect(maxLevel("low", "significant", "general")).toBe("significant");
    expect(minLevel("low", "significant", "general")).toBe("low");
    expect(maxLevel()).toBeUndefined();
  });

  it("labels a level with its colour", () => {
    expect(levelLabel("major")).toEqual({ zh: "重大风险（红）", en: "Major risk (red)" });
  });

  it("validates level ids", () => {
    expect(LevelSchema.safeParse("major").success).toBe(true);
    expect(LevelSchema.safeParse("red").success).toBe(false);
  });
});
