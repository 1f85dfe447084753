import type { ReactNode } from "react";
import type { Role } from "../../../shared/tenancy/roles.ts";
import { type AppRoute, canOpen, existsHere, type NavGroup } from "./routes.tsx";

/** One header entry: a page, or a group of pages shown as a submenu. */
export type NavEntry =
  | { kind: "page"; path: string; label: string; icon: ReactNode }
  | { kind: "group"; group: NavGroup; pages: { path: string; label: string; icon: ReactNode }[] };

/**
 * The header menu of a role, from the one route table: pages in table order, grouped where the
 * route names a group; a group the role sees one page of shows that page itself (an enterprise's
 * short menu stays flat). Local-only pages are listed on the local stack only.
 */
export function navEntries(
  routes: readonly AppRoute[],
  role: Role | undefined,
  label: (route: AppRoute) => string,
  localStack: boolean,
): NavEntry[] {
  const entries: NavEntry[] = [];
  const groups = new Map<NavGroup, Extract<NavEntry, { kind: "group" }>>();
  for (const route of routes) {
    if (!route.nav || !canOpen(route, role) || !existsHere(route, localStack)) continue;
    const page = { path: route.path, label: label(route), icon: route.nav.icon };
    const group = route.nav.group;
    if (group === undefined) {
      entries.push({ kind: "page", ...page });
      continue;
    }
    let entry = groups.get(group);
    if (!entry) {
      entry = { kind: "group", group, pages: [] };
      groups.set(group, entry);
      entries.push(entry);
    }
    entry.pages.push(page);
  }
  return entries.map((e) => {
    const [only] = e.kind === "group" ? e.pages : [];
    return e.kind === "group" && e.pages.length === 1 && only ? { kind: "page", ...only } : e;
  });
}
