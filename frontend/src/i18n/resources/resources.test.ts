import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

/** Every leaf of a resource tree as `a.b.c`, with its text. */
function leaves(tree: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree)) {
      for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

// The types keep the shapes in step where a resource is typed `Messages`; this catches what a
// type cannot: a key added through a widened or spread object, or an empty text.
describe("zh-CN and English resources", () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it("have the same keys", () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it("have no empty text", () => {
    const empty = (m: Map<string, unknown>) =>
      [...m].filter(([, v]) => typeof v === "string" && v.trim() === "").map(([k]) => k);
    expect(empty(zh)).toEqual([]);
    expect(empty(english)).toEqual([]);
  });
});
