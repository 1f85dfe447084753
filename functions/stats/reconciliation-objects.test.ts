import { describe, expect, it } from "vitest";
import { chainedPages } from "./reconciliation-objects.ts";

describe("chainedPages", () => {
  it("follows each segment's pages from offset 0 to its checkpointed end", () => {
    const keys = ["a/0+3.json", "a/3+2.json", "b/0+1.json", "a/5+4.json"];
    expect(
      chainedPages(
        keys,
        new Map([
          ["a", 5],
          ["b", 1],
          ["c", 0],
        ]),
      ),
    ).toEqual(["a/0+3.json", "a/3+2.json", "b/0+1.json"]);
  });

  it("leaves out a page kept before a kill and read again with other items", () => {
    // Offset 3 first held 4 enterprises (kept, then killed before the checkpoint); read again
    // it held 2, and the segment went on from offset 5.
    const keys = ["a/0+3.json", "a/3+2.json", "a/3+4.json", "a/5+1.json"];
    expect(chainedPages(keys, new Map([["a", 6]]))).toEqual([
      "a/0+3.json",
      "a/3+2.json",
      "a/5+1.json",
    ]);
  });

  it("refuses to add up a segment whose chain has a gap", () => {
    expect(() => chainedPages(["a/0+3.json"], new Map([["a", 5]]))).toThrow(
      "pages of a do not reach 5",
    );
  });
});
