import { describe, expect, it } from "vitest";
import { maskContactsFor, maskIdNumber, maskPhone, seesPersonalData } from "./masking.ts";
import { ROLES, type Role } from "./roles.ts";

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    [" 19900001111 ", "199****1111"],
    ["010-62345678", "010-******78"],
    ["0755-1234567", "0755-*****67"],
    ["62345678", "******78"],
    ["12", "**"],
  ])("masks %s as %s", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe("maskIdNumber", () => {
  it.each([
    ["11010519491231002X", "110105********002X"],
    ["110105491231002", "110105*****1002"],
    ["A123", "***3"],
    ["", ""],
  ])("masks %s as %s", (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

const UNMASKED: readonly Role[] = [
  "enterpriseAdmin",
  "enterpriseStaff",
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
];

describe("seesPersonalData", () => {
  it.each(ROLES.map((role) => [role, UNMASKED.includes(role)] as const))(
    "%s sees personal data: %s",
    (role, expected) => {
      expect(seesPersonalData(role)).toBe(expected);
    },
  );

  it("hides another tenant's personal data from enterprise roles", () => {
    expect(seesPersonalData("enterpriseAdmin", false)).toBe(false);
    expect(seesPersonalData("enterpriseStaff", false)).toBe(false);
    expect(seesPersonalData("districtOfficial", false)).toBe(true);
  });
});

describe("maskContactsFor", () => {
  const enterprise = {
    name: "北京朝阳示范加油站有限公司",
    principal: { name: "张伟", phone: "13800138000" },
    safetyContact: { name: "李娜", phone: "010-62345678", email: "safety@example.com" },
    staff: [{ name: "王强", mobile: "13900139000", idNumber: "11010519491231002X" }],
  };

  it.each(ROLES.filter((r) => !UNMASKED.includes(r)))("masks every contact for %s", (role) => {
    expect(maskContactsFor(role, enterprise)).toEqual({
      name: "北京朝阳示范加油站有限公司",
      principal: { name: "张伟", phone: "138****8000" },
      safetyContact: { name: "李娜", phone: "010-******78", email: "safety@example.com" },
      staff: [{ name: "王强", mobile: "139****9000", idNumber: "110105********002X" }],
    });
  });

  it.each(UNMASKED)("returns the record unchanged for %s", (role) => {
    expect(maskContactsFor(role, enterprise)).toBe(enterprise);
  });

  it("masks for an enterprise role reading another tenant, without changing the input", () => {
    const masked = maskContactsFor("enterpriseAdmin", enterprise, false);
    expect(masked.principal.phone).toBe("138****8000");
    expect(enterprise.principal.phone).toBe("13800138000");
  });
});
