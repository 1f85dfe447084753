import { describe, expect, it } from "vitest";
import { parseJurisdiction } from "./claims.ts";
import {
  isJurisdiction,
  jurisdictionWithin,
  membershipProblem,
  parseKnownJurisdiction,
  rolesForTenantKind,
} from "./membership.ts";

describe("rolesForTenantKind", () => {
  it("gives each kind of tenant its own roles", () => {
    expect(rolesForTenantKind("enterprise")).toEqual(["enterpriseAdmin", "enterpriseStaff"]);
    expect(rolesForTenantKind("assessmentAgency")).toEqual(["assessor"]);
    expect(rolesForTenantKind("government")).toEqual([
      "streetOfficial",
      "districtOfficial",
      "industryOfficial",
      "cityAdmin",
    ]);
  });
});

describe("parseKnownJurisdiction", () => {
  it("accepts catalog districts, streets and industries", () => {
    expect(parseKnownJurisdiction("d:110105/酒仙桥街道;i:gas")).toEqual({
      citywide: false,
      districts: [{ district: "110105", street: "酒仙桥街道" }],
      industries: ["gas"],
    });
  });

  it.each([
    ["d:999999", "Unknown district code: 999999"],
    ["i:mining", "Unknown industry: mining"],
    ["x:1", "Malformed jurisdiction: x:1"],
  ])("refuses %s", (text, en) => {
    const result = parseKnownJurisdiction(text);
    expect(isJurisdiction(result)).toBe(false);
    expect(result).toMatchObject({ en });
  });
});

describe("jurisdictionWithin", () => {
  const within = (inner: string, outer: string) =>
    jurisdictionWithin(parseJurisdiction(inner), parseJurisdiction(outer));

  it.each([
    ["d:110105/酒仙桥街道", "d:110105", true],
    ["d:110105", "d:110105/酒仙桥街道", false],
    ["d:110105;i:gas", "*", true],
    ["d:110105", "i:gas", false],
    ["d:110105;i:gas", "i:gas", true],
    ["i:gas;i:heating", "i:gas", false],
    ["*", "d:110105", false],
    ["*", "*", true],
    ["d:110105", "", false],
    ["*", "", false],
    ["d:110108", "d:110105", false],
  ])("%s within %s: %s", (inner, outer, expected) => {
    expect(within(inner, outer)).toBe(expected);
  });
});

describe("membershipProblem", () => {
  const chaoyang = { kind: "government" as const, jurisdiction: "d:110105" };

  it("allows officials inside the tenant's jurisdiction", () => {
    expect(membershipProblem(chaoyang, "districtOfficial", "d:110105")).toBeUndefined();
    expect(membershipProblem(chaoyang, "streetOfficial", "d:110105/酒仙桥街道")).toBeUndefined();
    expect(membershipProblem({ kind: "enterprise" }, "enterpriseStaff", undefined)).toBeUndefined();
    expect(membershipProblem({ kind: "assessmentAgency" }, "assessor", "")).toBeUndefined();
  });

  it.each([
    [{ kind: "enterprise" as const }, "assessor", undefined, "not available"],
    [{ kind: "assessmentAgency" as const }, "enterpriseAdmin", undefined, "not available"],
    [chaoyang, "districtOfficial", "d:110108", "outside the tenant"],
    [chaoyang, "streetOfficial", "d:110105", "street grants"],
    [chaoyang, "cityAdmin", "d:110105", "must be *"],
    [chaoyang, "cityAdmin", "*", "outside the tenant"],
    [{ kind: "government" as const, jurisdiction: "*" }, "industryOfficial", "", "industries"],
    [{ kind: "government" as const, jurisdiction: "*" }, "cityAdmin", undefined, "must be *"],
    [{ kind: "government" as const, jurisdiction: "" }, "districtOfficial", "d:110105", "outside"],
  ] as const)("refuses %o as %s with %s", (tenant, role, jurisdiction, problem) => {
    expect(membershipProblem(tenant, role, jurisdiction)?.en).toContain(problem);
  });
});
