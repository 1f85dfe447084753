import {
  AimOutlined,
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BugOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShareAltOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import type { Role } from "../../../shared/tenancy/roles.ts";
import type { Messages } from "../i18n/resources/zh-cn.ts";
import {
  ASSESSING_ROLES,
  ENTERPRISE_ROLES,
  OFFICIAL_ROLES,
  REGISTRY_READERS,
} from "../registry/access.ts";
import {
  AUDIT_READERS,
  DELEGATION_READERS,
  ENTERPRISE_IMPORTERS,
  INTEGRATOR_MANAGERS,
  SIGNUP_DECIDERS,
  USER_MANAGERS,
  WEBHOOK_KEEPERS,
} from "../tenancy/access.ts";
import { paths } from "./paths.ts";

export type NavLabelKey = `nav.${keyof Messages["nav"] & string}`;

/** Header submenus (the city admin's menu no longer fits one row at 1280 px). */
export type NavGroup = keyof Messages["portal"]["navGroups"];

/**
 * A page of the signed-in app. The router, the navigation menu and role checks are all built
 * from this table: adding a page is one entry here plus its file under `pages/`.
 */
export interface AppRoute {
  path: string;
  /** Loaded on first visit so each page is its own chunk. */
  load: () => Promise<ComponentType>;
  /** Shown in the header menu when set. */
  nav?: { label: NavLabelKey; icon: ReactNode; group?: NavGroup };
  /** Who may open it; everyone signed in when omitted. */
  roles?: readonly Role[];
  /**
   * A page of the local stack only (its API is a gateway's `/local/*` route, absent on AWS):
   * neither in the menu nor opened elsewhere (auth/auth-config.ts `isLocalStack`).
   */
  localOnly?: true;
}

export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: paths.home,
    load: () => import("../pages/home/home-page.tsx").then((m) => m.HomePage),
    nav: { label: "nav.home", icon: <HomeOutlined /> },
  },
  {
    path: paths.riskSources,
    load: () =>
      import("../pages/risk-source-list/risk-source-list-page.tsx").then(
        (m) => m.RiskSourceListPage,
      ),
    nav: { label: "nav.riskSources", icon: <UnorderedListOutlined />, group: "risk" },
    roles: REGISTRY_READERS,
  },
  {
    path: paths.riskMap,
    load: () => import("../pages/risk-map/risk-map-page.tsx").then((m) => m.RiskMapPage),
    nav: { label: "nav.riskMap", icon: <GlobalOutlined />, group: "risk" },
    roles: REGISTRY_READERS,
  },
  {
    path: paths.riskSourceNew,
    load: () =>
      import("../pages/risk-source-register/risk-source-register-page.tsx").then(
        (m) => m.RiskSourceRegisterPage,
      ),
    roles: ENTERPRISE_ROLES,
  },
  {
    path: paths.riskSourceImport,
    load: () =>
      import("../pages/risk-source-import/risk-source-import-page.tsx").then(
        (m) => m.RiskSourceImportPage,
      ),
    roles: ENTERPRISE_ROLES,
  },
  {
    path: paths.riskSource,
    load: () =>
      import("../pages/risk-source-detail/risk-source-detail-page.tsx").then(
        (m) => m.RiskSourceDetailPage,
      ),
    roles: REGISTRY_READERS,
  },
  {
    path: paths.riskSourceAssess,
    load: () =>
      import("../pages/risk-source-assess/risk-source-assess-page.tsx").then(
        (m) => m.RiskSourceAssessPage,
      ),
    roles: ASSESSING_ROLES,
  },
  {
    path: paths.reviews,
    load: () =>
      import("../pages/review-queue/review-queue-page.tsx").then((m) => m.ReviewQueuePage),
    nav: { label: "nav.reviews", icon: <AuditOutlined />, group: "risk" },
    roles: OFFICIAL_ROLES,
  },
  {
    path: paths.approvals,
    load: () => import("../pages/approvals/approvals-page.tsx").then((m) => m.ApprovalsPage),
    nav: { label: "nav.approvals", icon: <SafetyCertificateOutlined />, group: "system" },
    roles: SIGNUP_DECIDERS,
  },
  {
    path: paths.users,
    load: () => import("../pages/users/users-page.tsx").then((m) => m.UsersPage),
    nav: { label: "nav.users", icon: <TeamOutlined />, group: "system" },
    roles: USER_MANAGERS,
  },
  {
    path: paths.delegations,
    load: () => import("../pages/delegations/delegations-page.tsx").then((m) => m.DelegationsPage),
    nav: { label: "nav.delegations", icon: <ShareAltOutlined />, group: "risk" },
    roles: DELEGATION_READERS,
  },
  {
    path: paths.integrators,
    load: () => import("../pages/integrators/integrators-page.tsx").then((m) => m.IntegratorsPage),
    nav: { label: "nav.integrators", icon: <ApiOutlined />, group: "system" },
    roles: INTEGRATOR_MANAGERS,
  },
  {
    path: paths.supervisionChanges,
    load: () =>
      import("../pages/supervision-changes/supervision-changes-page.tsx").then(
        (m) => m.SupervisionChangesPage,
      ),
    nav: { label: "nav.supervisionChanges", icon: <AimOutlined />, group: "risk" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.warnings,
    load: () => import("../pages/warnings/warnings-page.tsx").then((m) => m.WarningsPage),
    nav: { label: "nav.warnings", icon: <AlertOutlined />, group: "monitoring" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  // Enterprise directory, audit trail, enterprise data imports, own organisation (issue 13 §4).
  {
    path: paths.enterprises,
    load: () =>
      import("../pages/enterprises/enterprise-directory-page.tsx").then(
        (m) => m.EnterpriseDirectoryPage,
      ),
    nav: { label: "nav.enterprises", icon: <BankOutlined />, group: "risk" },
    roles: OFFICIAL_ROLES,
  },
  {
    path: paths.enterprise,
    load: () =>
      import("../pages/enterprises/enterprise-detail-page.tsx").then((m) => m.EnterpriseDetailPage),
    roles: OFFICIAL_ROLES,
  },
  {
    path: paths.auditTrail,
    load: () => import("../pages/audit-trail/audit-trail-page.tsx").then((m) => m.AuditTrailPage),
    nav: { label: "nav.auditTrail", icon: <FileSearchOutlined />, group: "system" },
    roles: AUDIT_READERS,
  },
  {
    path: paths.enterpriseImports,
    load: () =>
      import("../pages/enterprise-imports/enterprise-imports-page.tsx").then(
        (m) => m.EnterpriseImportsPage,
      ),
    nav: { label: "nav.enterpriseImports", icon: <CloudUploadOutlined />, group: "system" },
    roles: ENTERPRISE_IMPORTERS,
  },
  {
    path: paths.organisation,
    load: () =>
      import("../pages/organisation/organisation-page.tsx").then((m) => m.OrganisationPage),
    nav: { label: "nav.organisation", icon: <IdcardOutlined />, group: "system" },
  },
  {
    path: paths.reports,
    load: () => import("../pages/reports/reports-page.tsx").then((m) => m.ReportsPage),
    nav: { label: "nav.reports", icon: <FileTextOutlined />, group: "reports" },
    roles: OFFICIAL_ROLES,
  },
  {
    path: paths.passes,
    load: () => import("../pages/passes/passes-page.tsx").then((m) => m.PassesPage),
    nav: { label: "nav.passes", icon: <ScheduleOutlined />, group: "system" },
    roles: ["cityAdmin"],
  },
  {
    path: paths.hiddenDangers,
    load: () =>
      import("../pages/hidden-dangers/hidden-dangers-page.tsx").then((m) => m.HiddenDangersPage),
    nav: { label: "nav.hiddenDangers", icon: <BugOutlined />, group: "risk" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.publicReports,
    load: () =>
      import("../pages/public-reports/public-reports-page.tsx").then((m) => m.PublicReportsPage),
    nav: { label: "nav.publicReports", icon: <BugOutlined />, group: "risk" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.hiddenDanger,
    load: () =>
      import("../pages/hidden-dangers/hidden-danger-detail-page.tsx").then(
        (m) => m.HiddenDangerDetailPage,
      ),
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.webhooks,
    load: () => import("../pages/webhooks/webhooks-page.tsx").then((m) => m.WebhooksPage),
    nav: { label: "nav.webhooks", icon: <SendOutlined />, group: "system" },
    roles: WEBHOOK_KEEPERS,
  },
  {
    path: paths.notificationPreferences,
    load: () =>
      import("../pages/notifications/notification-preferences-page.tsx").then(
        (m) => m.NotificationPreferencesPage,
      ),
    nav: { label: "nav.notifications", icon: <BellOutlined />, group: "monitoring" },
    roles: OFFICIAL_ROLES,
  },
  {
    // Local stack only: the gateway answers `/local/sms` to a signed-in city admin.
    path: paths.localSms,
    load: () => import("../pages/notifications/local-sms-page.tsx").then((m) => m.LocalSmsPage),
    nav: { label: "nav.localSms", icon: <MessageOutlined />, group: "monitoring" },
    roles: ["cityAdmin"],
    localOnly: true,
  },
  {
    path: paths.emergencyResources,
    load: () =>
      import("../pages/emergency-resources/emergency-resources-page.tsx").then(
        (m) => m.EmergencyResourcesPage,
      ),
    nav: { label: "nav.emergencyResources", icon: <MedicineBoxOutlined />, group: "risk" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.capability,
    load: () => import("../pages/capability/capability-page.tsx").then((m) => m.CapabilityPage),
    nav: { label: "nav.capability", icon: <SafetyCertificateOutlined />, group: "risk" },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
];

export function canOpen(route: AppRoute, role: Role | undefined): boolean {
  return !route.roles || (role !== undefined && route.roles.includes(role));
}

/** Whether the page exists where the app runs: a local-only page on the local stack only. */
export function existsHere(route: AppRoute, localStack: boolean): boolean {
  return !route.localOnly || localStack;
}
