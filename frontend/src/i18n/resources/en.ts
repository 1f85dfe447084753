import { capabilityEn } from "./capability-en.ts";
import { cardsEn } from "./cards-en.ts";
import { enterprisePagesEn } from "./enterprise-pages-en.ts";
import { hiddenDangersEn } from "./hidden-dangers-en.ts";
import { locationPickerEn } from "./location-picker-en.ts";
import { notificationsEn } from "./notifications-en.ts";
import { passesEn } from "./passes-en.ts";
import { portalEn } from "./portal-en.ts";
import { publicReportsEn } from "./public-reports-en.ts";
import { readinessEn } from "./readiness-en.ts";
import { registryEn } from "./registry-en.ts";
import { reportsEn } from "./reports-en.ts";
import { tenancyEn } from "./tenancy-en.ts";
import { warningsEn } from "./warnings-en.ts";
import { webhooksEn } from "./webhooks-en.ts";
import type { Messages } from "./zh-cn.ts";

/** English texts; the type keeps the keys in step with `zh-cn.ts`. */
export const en: Messages = {
  app: {
    productName: "CityRisk",
    productNameEn: "城市安全风险云",
    apiDocs: "API docs",
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
    notifications: "Notifications",
    localSms: "Local SMS",
    riskMap: "Risk map",
    enterprises: "Enterprises",
    auditTrail: "Audit trail",
    enterpriseImports: "Enterprise imports",
    organisation: "My organisation",
    reports: "Reports",
    passes: "Scheduled passes",
    hiddenDangers: "Hidden dangers",
    publicReports: "Public reports",
    webhooks: "Webhooks",
    emergencyResources: "Emergency resources",
    capability: "Emergency capability",
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
    place: "Place and industry",
    jurisdiction: "Jurisdiction",
    email: "E-mail",
    loading: "Loading…",
  },
  health: {
    title: "Service health",
    overall: "Overall",
    ok: "OK",
    degraded: "Degraded",
    slow: "Slow",
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
    title: "No access to this page",
    role: "Your role ({{role}}) cannot open this page; it is for: {{allowed}}.",
    roleUnknown: "Your role cannot open this page.",
    server: "The server refused: {{reason}}",
    help: "If you need it for your work, ask your organisation's administrator to give your account the right role.",
    back: "Back to home",
    previous: "Go back",
    separator: ", ",
  },
  notFound: {
    title: "Page not found",
    back: "Back to home",
  },
  registry: registryEn,
  tenancy: tenancyEn,
  warnings: warningsEn,
  hiddenDangers: hiddenDangersEn,
  publicReports: publicReportsEn,
  notifications: notificationsEn,
  readiness: readinessEn,
  capability: capabilityEn,
  cards: cardsEn,
  ...enterprisePagesEn,
  reports: reportsEn,
  passes: passesEn,
  portal: portalEn,
  locationPicker: locationPickerEn,
  webhooks: webhooksEn,
};
