import { describe, expect, it } from "vitest";
import { matchesAnyFilter, matchesPattern } from "../../../infra/local/runners/event-filter.ts";

const record = {
  eventName: "MODIFY",
  dynamodb: {
    Keys: { pk: { S: "TENANT#t1#SOURCE#9" }, sk: { S: "A" } },
    NewImage: { level: { S: "major" }, score: { N: "72" } },
  },
  size: 12,
  tags: ["a", "b"],
};

describe("matchesPattern", () => {
  it.each([
    ["exact value", { eventName: ["INSERT", "MODIFY"] }, true],
    ["exact value miss", { eventName: ["REMOVE"] }, false],
    ["nested prefix", { dynamodb: { Keys: { pk: { S: [{ prefix: "TENANT#" }] } } } }, true],
    ["nested prefix miss", { dynamodb: { Keys: { pk: { S: [{ prefix: "FIXTURE#" }] } } } }, false],
    ["suffix", { dynamodb: { Keys: { pk: { S: [{ suffix: "#9" }] } } } }, true],
    ["equals-ignore-case", { eventName: [{ "equals-ignore-case": "modify" }] }, true],
    ["anything-but list", { eventName: [{ "anything-but": ["REMOVE"] }] }, true],
    ["anything-but value", { eventName: [{ "anything-but": "MODIFY" }] }, false],
    ["anything-but prefix", { eventName: [{ "anything-but": { prefix: "MOD" } }] }, false],
    ["anything-but on a missing field", { missing: [{ "anything-but": ["x"] }] }, false],
    ["numeric range", { size: [{ numeric: [">", 10, "<=", 12] }] }, true],
    ["numeric miss", { size: [{ numeric: ["<", 10] }] }, false],
    [
      "numeric on a DynamoDB N string (Lambda does not coerce)",
      { dynamodb: { NewImage: { score: { N: [{ numeric: [">", 1] }] } } } },
      false,
    ],
    ["exists", { dynamodb: { NewImage: { level: [{ exists: true }] } } }, true],
    ["does not exist", { dynamodb: { OldImage: { level: [{ exists: false }] } } }, true],
    ["exists miss", { dynamodb: { OldImage: [{ exists: true }] } }, false],
    ["array field matches any element", { tags: ["b"] }, true],
    ["all fields must match", { eventName: ["MODIFY"], size: [13] }, false],
  ])("%s", (_name, pattern, expected) => {
    expect(matchesPattern(pattern, record)).toBe(expected);
  });

  it("throws on an operator it does not implement", () => {
    expect(() => matchesPattern({ eventName: [{ cidr: "10.0.0.0/8" }] }, record)).toThrow(
      'unsupported filter operator "cidr"',
    );
  });
});

describe("matchesAnyFilter", () => {
  it("passes everything without patterns and needs one matching pattern otherwise", () => {
    expect(matchesAnyFilter([], record)).toBe(true);
    expect(matchesAnyFilter([{ eventName: ["REMOVE"] }, { eventName: ["MODIFY"] }], record)).toBe(
      true,
    );
    expect(matchesAnyFilter([{ eventName: ["REMOVE"] }], record)).toBe(false);
  });
});
