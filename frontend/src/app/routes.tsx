import {
  AimOutlined,
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  GlobalOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  SafetyCertificateOutlined,
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
  DELEGATORS,
  INTEGRATOR_MANAGERS,
  SIGNUP_DECIDERS,
  USER_MANAGERS,
} from "../tenancy/access.ts";
import { paths } from "./paths.ts";

export type NavLabelKey = `nav.${keyof Messages["nav"] & string}`;

/**
 * A page of the signed-in app. The router, the navigation menu and role checks are all built
 * from this table: adding a page is one entry here plus its file under `pages/`.
 */
export interface AppRoute {
  path: string;
  /** Loaded on first visit so each page is its own chunk. */
  load: () => Promise<ComponentType>;
  /** Shown in the header menu when set. */
  nav?: { label: NavLabelKey; icon: ReactNode };
  /** Who may open it; everyone signed in when omitted. */
  roles?: readonly Role[];
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
    nav: { label: "nav.riskSources", icon: <UnorderedListOutlined /> },
    roles: REGISTRY_READERS,
  },
  {
    path: paths.riskMap,
    load: () => import("../pages/risk-map/risk-map-page.tsx").then((m) => m.RiskMapPage),
    nav: { label: "nav.riskMap", icon: <GlobalOutlined /> },
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
    nav: { label: "nav.reviews", icon: <AuditOutlined /> },
    roles: OFFICIAL_ROLES,
  },
  {
    path: paths.approvals,
    load: () => import("../pages/approvals/approvals-page.tsx").then((m) => m.ApprovalsPage),
    nav: { label: "nav.approvals", icon: <SafetyCertificateOutlined /> },
    roles: SIGNUP_DECIDERS,
  },
  {
    path: paths.users,
    load: () => import("../pages/users/users-page.tsx").then((m) => m.UsersPage),
    nav: { label: "nav.users", icon: <TeamOutlined /> },
    roles: USER_MANAGERS,
  },
  {
    path: paths.delegations,
    load: () => import("../pages/delegations/delegations-page.tsx").then((m) => m.DelegationsPage),
    nav: { label: "nav.delegations", icon: <ShareAltOutlined /> },
    roles: DELEGATORS,
  },
  {
    path: paths.integrators,
    load: () => import("../pages/integrators/integrators-page.tsx").then((m) => m.IntegratorsPage),
    nav: { label: "nav.integrators", icon: <ApiOutlined /> },
    roles: INTEGRATOR_MANAGERS,
  },
  {
    path: paths.supervisionChanges,
    load: () =>
      import("../pages/supervision-changes/supervision-changes-page.tsx").then(
        (m) => m.SupervisionChangesPage,
      ),
    nav: { label: "nav.supervisionChanges", icon: <AimOutlined /> },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.warnings,
    load: () => import("../pages/warnings/warnings-page.tsx").then((m) => m.WarningsPage),
    nav: { label: "nav.warnings", icon: <AlertOutlined /> },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
  {
    path: paths.emergencyResources,
    load: () =>
      import("../pages/emergency-resources/emergency-resources-page.tsx").then(
        (m) => m.EmergencyResourcesPage,
      ),
    nav: { label: "nav.emergencyResources", icon: <MedicineBoxOutlined /> },
    roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES],
  },
];

export function canOpen(route: AppRoute, role: Role | undefined): boolean {
  return !route.roles || (role !== undefined && route.roles.includes(role));
}
