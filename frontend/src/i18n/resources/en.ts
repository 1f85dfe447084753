import { cardsEn } from "./cards-en.ts";
import { readinessEn } from "./readiness-en.ts";
import { registryEn } from "./registry-en.ts";
import { tenancyEn } from "./tenancy-en.ts";
import { warningsEn } from "./warnings-en.ts";
import type { Messages } from "./zh-cn.ts";

/** English texts; the type keeps the keys in step with `zh-cn.ts`. */
export const en: Messages = {
  app: {
    productName: "CityRisk",
    productNameEn: "城市安全风险云",
    tagline: "City safety-risk grading, control and hazard management",
  },
  nav: {
    home: "Home",
    riskSources: "Risk sources",
    reviews: "Reviews",
    approvals: "Approvals",
    users: "Users",
    delegations: "Delegations",
    integrators: "Integrators",
    supervisionChanges: "Supervision changes",
    warnings: "Warnings",
    riskMap: "Risk map",
    emergencyResources: "Emergency resources",
  },
  language: {
    label: "Language",
    zh: "中文",
    en: "English",
  },
  auth: {
    signInTitle: "Sign in",
    submit: "Sign in",
    signInFailed: "Sign-in failed: {{detail}}",
    signOut: "Sign out",
    sessionExpired: "Your session has expired, please sign in again",
    signedInAs: "Signed in as",
  },
  home: {
    welcome: "Welcome, {{name}}",
    profileTitle: "Account",
    tenant: "Organisation",
    role: "Role",
    jurisdiction: "Jurisdiction",
    email: "E-mail",
    loading: "Loading…",
  },
  health: {
    title: "Service health",
    overall: "Overall",
    ok: "OK",
    degraded: "Degraded",
    error: "Error",
    unknown: "Unknown",
    dynamodb: "Database",
    s3: "Object storage",
  },
  levels: {
    names: {
      major: "Major risk",
      significant: "Significant risk",
      general: "General risk",
      low: "Low risk",
    },
    title: "Risk levels",
  },
  errors: {
    network: "Network error, please try again later",
    requestFailed: "Request failed ({{status}})",
    retry: "Retry",
    loadFailed: "Could not load",
  },
  map: {
    title: "Risk e-map",
    district: "District",
    level: "Risk level",
    industry: "Industry",
    shown: "{{district}}: {{count}} risk sources shown (click one for details)",
    pickDistrict: "Click a district on the map to see its risk sources",
    truncated:
      "This district has many risk sources; only the first {{limit}} are shown — filter by level or industry",
    boundaries:
      "District boundaries are demo data (from the ECharts 4.9.0 Beijing map), not an approved map (审图号).",
  },
  forbidden: {
    role: "Your role cannot open this page",
    back: "Back to home",
  },
  notFound: {
    title: "Page not found",
    back: "Back to home",
  },
  registry: registryEn,
  tenancy: tenancyEn,
  warnings: warningsEn,
  readiness: readinessEn,
  cards: cardsEn,
};
