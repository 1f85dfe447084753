import { DISTRICT_CODES } from "../catalogs/districts.ts";
import { INDUSTRY_IDS } from "../catalogs/industries.ts";
import type { Bilingual } from "../errors.ts";
import {
  formatJurisdiction,
  isNoJurisdiction,
  type Jurisdiction,
  parseJurisdiction,
} from "./claims.ts";
import type { Role } from "./roles.ts";
import type { TenantKind } from "./tenant.ts";

/**
 * Which roles a tenant's users may hold (issue 3 §2): an enterprise has admins and staff, a
 * government body its officials (the city admin only in the citywide committee), an
 * assessment agency its assessors. Integrators are machine clients, never invited.
 */
export function rolesForTenantKind(kind: TenantKind): readonly Role[] {
  switch (kind) {
    case "enterprise":
      return ["enterpriseAdmin", "enterpriseStaff"];
    case "government":
      return ["streetOfficial", "districtOfficial", "industryOfficial", "cityAdmin"];
    case "assessmentAgency":
      return ["assessor"];
  }
}

/**
 * A jurisdiction token checked against the catalogs: districts of GB/T 2260 and industries of
 * the catalog. Returns the parsed jurisdiction or the reason it is not one.
 */
export function parseKnownJurisdiction(text: string): Jurisdiction | Bilingual {
  let parsed: Jurisdiction;
  try {
    parsed = parseJurisdiction(text);
  } catch {
    return { zh: `管辖范围格式无效：${text}`, en: `Malformed jurisdiction: ${text}` };
  }
  const districts: readonly string[] = DISTRICT_CODES;
  const industries: readonly string[] = INDUSTRY_IDS;
  const unknownDistrict = parsed.districts.find((d) => !districts.includes(d.district));
  if (unknownDistrict) {
    return {
      zh: `未知的区县代码：${unknownDistrict.district}`,
      en: `Unknown district code: ${unknownDistrict.district}`,
    };
  }
  const unknownIndustry = parsed.industries.find((i) => !industries.includes(i));
  if (unknownIndustry) {
    return { zh: `未知的行业：${unknownIndustry}`, en: `Unknown industry: ${unknownIndustry}` };
  }
  if (parsed.districts.some((d) => d.street !== undefined && d.street.trim() === "")) {
    return { zh: "街道名称不能为空", en: "Street name must not be empty" };
  }
  return parsed;
}

export function isJurisdiction(value: Jurisdiction | Bilingual): value is Jurisdiction {
  return "citywide" in value;
}

/**
 * Whether `inner` lies within `outer`: every district grant of `inner` sits under one of
 * `outer` (a district grant covers its streets), and its industries are among `outer`'s
 * (an outer grant without industries covers them all). Nothing lies within no jurisdiction.
 */
export function jurisdictionWithin(inner: Jurisdiction, outer: Jurisdiction): boolean {
  if (isNoJurisdiction(outer)) return false;
  const districtsOk =
    outer.districts.length === 0 ||
    (inner.districts.length > 0 &&
      inner.districts.every((d) =>
        outer.districts.some(
          (o) => o.district === d.district && (o.street === undefined || o.street === d.street),
        ),
      ));
  const industriesOk =
    outer.industries.length === 0 ||
    (inner.industries.length > 0 && inner.industries.every((i) => outer.industries.includes(i)));
  return districtsOk && industriesOk;
}

/** What each official role's own jurisdiction must name. */
function roleShapeProblem(role: Role, j: Jurisdiction): Bilingual | undefined {
  switch (role) {
    case "cityAdmin":
      return formatJurisdiction(j) === "*"
        ? undefined
        : { zh: "市级管理员的管辖范围须为全市（*）", en: "A city admin's jurisdiction must be *" };
    case "streetOfficial":
      return j.districts.length > 0 && j.districts.every((d) => d.street !== undefined)
        ? undefined
        : {
            zh: "街道/乡镇监管人员须指定区县及街道（d:区县代码/街道）",
            en: "A street official needs district/street grants (d:<district>/<street>)",
          };
    case "districtOfficial":
      return j.districts.length > 0
        ? undefined
        : { zh: "区级监管人员须指定区县（d:区县代码）", en: "A district official needs districts" };
    case "industryOfficial":
      return j.industries.length > 0
        ? undefined
        : {
            zh: "行业部门监管人员须指定行业（i:行业）",
            en: "An industry official needs industries",
          };
    default:
      return undefined;
  }
}

export interface MembershipTenant {
  kind: TenantKind;
  /** Government tenants: their jurisdiction token. */
  jurisdiction?: string | undefined;
}

/**
 * Checks a prospective member of a tenant: the role suits the tenant's kind and, for officials,
 * the jurisdiction is well formed, suits the role and lies within the tenant's own.
 * Returns the problem, or undefined when the membership is allowed.
 */
export function membershipProblem(
  tenant: MembershipTenant,
  role: Role,
  jurisdictionText: string | undefined,
): Bilingual | undefined {
  if (!rolesForTenantKind(tenant.kind).includes(role)) {
    return {
      zh: "该角色不适用于此类单位",
      en: `Role ${role} is not available in a ${tenant.kind} tenant`,
    };
  }
  if (tenant.kind !== "government") return undefined;
  const own = parseKnownJurisdiction(jurisdictionText ?? "");
  if (!isJurisdiction(own)) return own;
  const shape = roleShapeProblem(role, own);
  if (shape) return shape;
  const outer = parseKnownJurisdiction(tenant.jurisdiction ?? "");
  if (!isJurisdiction(outer) || !jurisdictionWithin(own, outer)) {
    return {
      zh: "管辖范围超出本单位的管辖范围",
      en: "The jurisdiction lies outside the tenant's own",
    };
  }
  return undefined;
}
