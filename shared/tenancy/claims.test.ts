import { describe, expect, it } from "vitest";
import { CLAIM, callerFromClaims, formatJurisdiction, parseJurisdiction } from "./claims.ts";

describe("callerFromClaims", () => {
  const claims = {
    sub: "cognito-generated-sub",
    email: "admin@gas-station.demo",
    [CLAIM.tenantId]: "t-gas-station-chaoyang",
    [CLAIM.role]: "enterpriseAdmin",
    [CLAIM.jurisdiction]: "d:110105;i:gas",
  };

  it("takes the product's user id from custom:userId, since Cognito's sub is its own", () => {
    const caller = callerFromClaims({ ...claims, [CLAIM.userId]: "u-gas-station-admin" });
    expect(caller).toEqual({
      userId: "u-gas-station-admin",
      email: "admin@gas-station.demo",
      tenantId: "t-gas-station-chaoyang",
      role: "enterpriseAdmin",
      jurisdiction: {
        citywide: false,
        districts: [{ district: "110105" }],
        industries: ["gas"],
      },
    });
  });

  it("falls back to sub when the token has no custom:userId (machine clients)", () => {
    expect(callerFromClaims(claims).userId).toBe("cognito-generated-sub");
  });

  it("refuses tokens without tenant or role", () => {
    expect(() => callerFromClaims({ sub: "x", [CLAIM.role]: "cityAdmin" })).toThrow();
    expect(() =>
      callerFromClaims({ sub: "x", [CLAIM.tenantId]: "t", [CLAIM.role]: "boss" }),
    ).toThrow();
  });
});

describe("jurisdiction token form", () => {
  it("parses only * as the whole city; an empty or blank token is no jurisdiction", () => {
    expect(parseJurisdiction("*")).toEqual({ citywide: true, districts: [], industries: [] });
    for (const text of ["", " ", ";"]) {
      expect(parseJurisdiction(text)).toEqual({ citywide: false, districts: [], industries: [] });
    }
  });

  it("reads a caller without a jurisdiction claim as granted none (assessors, enterprise systems)", () => {
    const caller = callerFromClaims({
      sub: "demo-gas-erp",
      [CLAIM.tenantId]: "t-gas-station-chaoyang",
      [CLAIM.role]: "integrator",
    });
    expect(caller.jurisdiction).toEqual({ citywide: false, districts: [], industries: [] });
    expect(formatJurisdiction(caller.jurisdiction)).toBe("");
  });

  it.each(["*", "d:110105", "d:110105/建外街道;i:gas", "i:gas;i:commerce"])(
    "round-trips %s",
    (text) => {
      expect(formatJurisdiction(parseJurisdiction(text))).toBe(text);
    },
  );
});
