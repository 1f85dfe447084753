import { describe, expect, it } from "vitest";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import { enterpriseJurisdiction, placeOfTenant, tenantItem } from "./tenant-records.ts";

const at = "2026-01-05T08:00:00.000Z";
const enterprise: Tenant = {
  id: "t-01jtest",
  version: 3,
  createdAt: at,
  updatedAt: at,
  kind: "enterprise",
  status: "pending",
  name: "北京酒仙桥新能源加油站有限公司",
  uscc: "91110105MA01ABCD39",
  district: "110105",
  street: "酒仙桥街道",
  industry: "gas",
};
const agency: Tenant = {
  id: "t-agency",
  version: 1,
  createdAt: at,
  updatedAt: at,
  kind: "assessmentAgency",
  status: "active",
  name: "评价公司",
};

describe("tenant records", () => {
  it("places an enterprise by district, street and industry; agencies have no place", () => {
    expect(placeOfTenant(enterprise)).toEqual({
      district: "110105",
      street: "酒仙桥街道",
      industry: "gas",
    });
    expect(placeOfTenant(agency)).toBeUndefined();
  });

  it("gives enterprise users their enterprise's district and industry as jurisdiction", () => {
    expect(enterpriseJurisdiction(enterprise)).toBe("d:110105;i:gas");
  });

  it("stores agencies with empty place attributes, so no sign-up queue can list them", () => {
    expect(tenantItem(agency)).toEqual({
      tenantId: "t-agency",
      kind: "assessmentAgency",
      status: "active",
      district: "",
      street: "",
      industry: "",
      version: 1,
      record: agency,
    });
  });
});
