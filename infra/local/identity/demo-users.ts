import type { Bilingual } from "../../../shared/errors.ts";
import type { IntegratorClient } from "../../../shared/tenancy/integrator-client.ts";
import type { Role } from "../../../shared/tenancy/roles.ts";

/** Local-only demo accounts; their claims match what the Cognito pool puts on AWS tokens. */
export interface DemoUser {
  email: string;
  userId: string;
  tenantId: string;
  tenantName: Bilingual;
  role: Role;
  /** Token form of the jurisdiction (see shared/tenancy/claims.ts). */
  jurisdiction: string;
  label: Bilingual;
}

export const DEMO_PASSWORD = "demo-password";

export const demoUsers: readonly DemoUser[] = [
  {
    email: "admin@city.demo",
    userId: "u-city-admin",
    tenantId: "t-city-safety-committee",
    tenantName: { zh: "北京市安全生产委员会", en: "Beijing Work Safety Committee" },
    role: "cityAdmin",
    jurisdiction: "*",
    label: { zh: "市级管理员（全市）", en: "City admin (citywide)" },
  },
  {
    email: "official@chaoyang.demo",
    userId: "u-chaoyang-official",
    tenantId: "t-district-110105",
    tenantName: { zh: "朝阳区人民政府", en: "Chaoyang District Government" },
    role: "districtOfficial",
    jurisdiction: "d:110105",
    label: { zh: "朝阳区监管人员", en: "Chaoyang district official" },
  },
  {
    email: "official@haidian.demo",
    userId: "u-haidian-official",
    tenantId: "t-district-110108",
    tenantName: { zh: "海淀区人民政府", en: "Haidian District Government" },
    role: "districtOfficial",
    jurisdiction: "d:110108",
    label: { zh: "海淀区监管人员", en: "Haidian district official" },
  },
  {
    email: "official@gas.demo",
    userId: "u-gas-official",
    tenantId: "t-industry-gas",
    tenantName: {
      zh: "北京市城市管理委员会（燃气）",
      en: "Beijing Municipal Commission of Urban Management (gas)",
    },
    role: "industryOfficial",
    jurisdiction: "i:gas",
    label: { zh: "燃气行业部门（全市）", en: "Gas industry department (citywide)" },
  },
  {
    email: "admin@gas-station.demo",
    userId: "u-gas-station-admin",
    tenantId: "t-gas-station-chaoyang",
    tenantName: { zh: "北京朝阳示范加油站有限公司", en: "Chaoyang Demo Gas Station Co., Ltd." },
    role: "enterpriseAdmin",
    jurisdiction: "d:110105;i:gas",
    label: { zh: "加油站企业管理员（朝阳区）", en: "Gas station admin (Chaoyang)" },
  },
  {
    email: "admin@mall.demo",
    userId: "u-mall-admin",
    tenantId: "t-mall-haidian",
    tenantName: { zh: "北京海淀示范购物中心有限公司", en: "Haidian Demo Shopping Mall Co., Ltd." },
    role: "enterpriseAdmin",
    jurisdiction: "d:110108;i:commerce",
    label: { zh: "商场企业管理员（海淀区）", en: "Shopping mall admin (Haidian)" },
  },
  {
    email: "assessor@agency.demo",
    userId: "u-agency-assessor",
    tenantId: "t-assessment-agency",
    tenantName: {
      zh: "北京安平示范安全评价有限公司",
      en: "Anping Demo Safety Assessment Co., Ltd.",
    },
    role: "assessor",
    jurisdiction: "",
    label: { zh: "评估机构人员", en: "Assessment agency assessor" },
  },
];

/**
 * Local-only machine client for integrators (OAuth2 client credentials), known to the local
 * identity provider from the start. Like every integrator it acts for a tenant only once it is
 * registered (shared/tenancy/integrator-client.ts): the demo seed writes `registration`.
 */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  registration: Pick<IntegratorClient, "tenantId" | "name" | "jurisdiction" | "scopes">;
}

export const demoClients: readonly DemoClient[] = [
  {
    clientId: "demo-integrator",
    clientSecret: "demo-integrator-secret",
    registration: {
      tenantId: "t-city-safety-committee",
      name: "市安委会风险监测平台 / City committee risk platform",
      // The city safety committee's platform: reads citywide through the REST API.
      jurisdiction: "*",
      scopes: ["read"],
    },
  },
  {
    clientId: "demo-gas-erp",
    clientSecret: "demo-gas-erp-secret",
    registration: {
      tenantId: "t-gas-station-chaoyang",
      name: "加油站 ERP / Gas station ERP",
      // An enterprise's own system: no jurisdiction, it reads and keeps its enterprise's sources.
      jurisdiction: "",
      scopes: ["read", "write"],
    },
  },
];

/** The public web app client, as the Cognito app client without a secret. */
export const WEB_CLIENT_ID = "cityrisk-web";
