import { describe, expect, it } from "vitest";
import { isValidUscc, UsccSchema, usccCheckCharacter } from "./uscc.ts";

describe("unified social credit code (GB 32100-2015)", () => {
  it("computes the check character by hand for a simple code", () => {
    // 9·1 + 1·3 + 1·9 + 1·27 = 48; 48 mod 31 = 17; 31 − 17 = 14 → "E" (A = 10).
    expect(usccCheckCharacter("91110000000000000")).toBe("E");
    // Σ = 0 → 31 − 0 = 31 → maps to 0.
    expect(usccCheckCharacter("00000000000000000")).toBe("0");
  });

  it.each([
    "91350100M000100Y43", // the example commonly cited with the standard
    "91110000000000000E",
    "12110000400688301C",
    "92110101L12345678D",
    "91110108MA01ABCD1E",
  ])("accepts %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ["wrong check character", "91350100M000100Y44"],
    ["too short", "91350100M000100Y4"],
    ["letter I is not in the charset", "91350100M0001I0Y43"],
    ["division code must be digits", "9135A100M000100Y43"],
    ["lower case", "91350100m000100y43"],
  ])("rejects a code with %s", (_why, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it("normalises case and spaces in the schema", () => {
    expect(UsccSchema.parse(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
    expect(UsccSchema.safeParse("91350100M000100Y44").success).toBe(false);
  });
});
