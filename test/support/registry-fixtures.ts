import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import { enterpriseItem } from "../../functions/registry/enterprise-item.ts";
import { tenantItem } from "../../functions/tenancy/tenant-records.ts";
import type { DistrictCode } from "../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../shared/catalogs/industries.ts";
import type { Enterprise } from "../../shared/risk/enterprise.ts";
import type { RiskSource, RiskSourceCreateInput } from "../../shared/risk/risk-source.ts";
import type { Tenant, TenantStatus } from "../../shared/tenancy/tenant.ts";

/** Valid USCCs (GB 32100-2015 check characters) for fixtures. */
export const FIXTURE_USCC = ["91110105MA01ABCD39", "91110108MA01EFGH28"];

export function enterpriseFixture(
  tenantId: string,
  place: { district: DistrictCode; street: string; industry: IndustryId },
  uscc: string,
): Enterprise {
  const at = "2026-01-05T08:00:00.000Z";
  return {
    tenantId,
    id: tenantId,
    uscc,
    name: `测试企业 ${tenantId}`,
    industry: place.industry,
    district: place.district,
    street: place.street,
    address: "北京市测试路 1 号",
    location: { lon: 116.46, lat: 39.92 },
    principal: { name: "张三", phone: "13800138000" },
    safetyContact: { name: "李四", phone: "13900139000" },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export async function putEnterprise(store: Store, enterprise: Enterprise): Promise<void> {
  await store.entities.enterprise.put(enterpriseItem(enterprise)).go();
}

/** The tenant record of an enterprise profile (the statistics count enterprises by status). */
export async function putEnterpriseTenant(
  store: Store,
  enterprise: Enterprise,
  status: TenantStatus = "active",
): Promise<void> {
  const { tenantId, name, uscc, district, street, industry, createdAt, updatedAt } = enterprise;
  const tenant: Tenant = {
    ...{ id: tenantId, kind: "enterprise", status, name, uscc, district, street, industry },
    ...{ version: 1, createdAt, updatedAt },
  };
  await store.entities.tenant.put(tenantItem(tenant)).go();
}

/** A gas-station fuel-dispensing source, supervised by the given street. */
export function riskSourceInput(
  place: { district: DistrictCode; street: string; industry: IndustryId },
  name = "加油区（加油机）",
): RiskSourceCreateInput {
  return {
    name,
    place: "加油区",
    description: "汽油、柴油加注作业",
    industry: place.industry,
    accidentTypes: ["fire", "other-explosion"],
    hazardFactors: ["material", "management"],
    location: { lon: 116.47, lat: 39.91 },
    controls: {
      engineering: ["油气回收系统"],
      management: ["加油作业规程"],
      emergency: ["灭火器 8 具"],
    },
    responsiblePost: "站长",
    responsiblePerson: { name: "王五", phone: "13700137000" },
    supervision: {
      district: place.district,
      street: place.street,
      industryDepartment: "区城市管理委员会",
    },
  };
}

/** A stored source as the registry would hold it, for tests that write the table directly. */
export function storedRiskSource(
  input: RiskSourceCreateInput,
  id: string,
  tenantId: string,
  grade: { currentLevel: RiskSource["currentLevel"]; nextReviewAt: string | null },
): RiskSource {
  return {
    ...input,
    id,
    tenantId,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    enterpriseId: tenantId,
    accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
    inherentLevel: null,
    lastAssessment: null,
    ...grade,
  };
}
