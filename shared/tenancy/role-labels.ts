import type { Role } from "./roles.ts";

/** Role names in both languages; zod-free so the web app's entry chunk (the 403 page) can read them. */
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
