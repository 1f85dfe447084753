import { HomeOutlined } from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import type { Role } from "../../../shared/tenancy/roles.ts";
import type { Messages } from "../i18n/resources/zh-cn.ts";
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
];

export function canOpen(route: AppRoute, role: Role | undefined): boolean {
  return !route.roles || (role !== undefined && route.roles.includes(role));
}
