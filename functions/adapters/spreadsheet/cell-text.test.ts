import { describe, expect, it } from "vitest";
import { cellText } from "./cell-text.ts";

describe("cellText", () => {
  it.each([
    ["an empty cell", null, ""],
    ["text", "朝阳区", "朝阳区"],
    ["a number", 0.25, "0.25"],
    ["a boolean", false, "FALSE"],
    ["a date at midnight", new Date(Date.UTC(2024, 11, 31)), "2024-12-31"],
    ["a date and time", new Date(Date.UTC(2024, 11, 31, 23, 59, 1)), "2024-12-31T23:59:01.000Z"],
    ["an invalid date", new Date(Number.NaN), ""],
    ["rich text", { richText: [{ text: "重大" }, { text: "（红）" }] }, "重大（红）"],
    ["a formula", { formula: "A1&B1", result: "燃气" }, "燃气"],
    ["a shared formula", { sharedFormula: "C2", result: 7 }, "7"],
    ["a formula never calculated", { formula: "A1+1" }, ""],
    ["a formula with an error", { formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
    ["a hyperlink", { text: "详情", hyperlink: "https://example.com" }, "详情"],
    [
      "a hyperlink with rich text",
      { text: { richText: [{ text: "链" }, { text: "接" }] }, hyperlink: "https://example.com" },
      "链接",
    ],
    ["an error", { error: "#N/A" }, "#N/A"],
  ])("gives the text of %s", (_, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});
