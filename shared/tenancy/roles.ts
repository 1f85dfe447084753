import * as z from "zod";

/**
 * The roles a caller can hold. Enterprise roles act inside their own tenant; official roles act
 * inside a jurisdiction (district/street × industries); the integrator is a machine client.
 */
export const ROLES = [
  "enterpriseAdmin",
  "enterpriseStaff",
  "assessor",
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
  "integrator",
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  enterpriseAdmin: { zh: "企业管理员", en: "Enterprise admin" },
  enterpriseStaff: { zh: "企业员工", en: "Enterprise staff" },
  assessor: { zh: "评估机构人员", en: "Assessor" },
  streetOfficial: { zh: "街道/乡镇监管人员", en: "Street/town official" },
  districtOfficial: { zh: "区级监管人员", en: "District official" },
  industryOfficial: { zh: "行业部门监管人员", en: "Industry official" },
  cityAdmin: { zh: "市级管理员", en: "City admin" },
  integrator: { zh: "系统集成方", en: "Integrator" },
};
