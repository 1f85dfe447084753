import { type HttpRoute, routeKey } from "../../functions/platform/manifest-types.ts";
import { missingPermission, type Permission } from "./permissions.ts";

const TABLE = "test/matrix/permissions.ts";

function listed(roles: readonly string[]): string {
  return roles.length === 0 ? "no role" : roles.join(", ");
}

/** One route's disagreements between what the manifest lets in and what the table allows. */
function routeDiff(key: string, access: HttpRoute["access"], permission: Permission): string[] {
  const declared = access === "public" ? "public" : access.roles;
  const allowed = permission.roles;
  if (declared === "public" && allowed === "public") return [];
  if (declared === "public" && allowed !== "public") {
    return [`${key}: the manifest makes it public; ${TABLE} allows only ${listed(allowed)}`];
  }
  if (allowed === "public" && declared !== "public") {
    return [`${key}: ${TABLE} makes it public; the manifest lets in only ${listed(declared)}`];
  }
  const inManifest = new Set(declared);
  const inTable = new Set(allowed);
  return [
    ...[...inManifest]
      .filter((role) => !inTable.has(role))
      .map((role) => `${key}: the manifest lets in ${role}; ${TABLE} does not allow it`),
    ...[...inTable]
      .filter((role) => !inManifest.has(role))
      .map((role) => `${key}: ${TABLE} allows ${role}; the manifest refuses it`),
  ];
}

/**
 * Every disagreement between the manifest's routes and the permission table, one readable line
 * each, naming the route and the role: a route missing from either side, public on one side
 * only, or a role let in by one side and not the other. Empty when they agree.
 */
export function compareWithManifest(
  routes: readonly Pick<HttpRoute, "method" | "path" | "access">[],
  table: Readonly<Record<string, Permission>>,
): string[] {
  const declared = new Map(routes.map((route) => [routeKey(route), route.access]));
  const lines: string[] = [];
  for (const [key, access] of declared) {
    const permission = table[key];
    lines.push(...(permission ? routeDiff(key, access, permission) : [missingPermission(key)]));
  }
  for (const key of Object.keys(table)) {
    if (!declared.has(key)) {
      lines.push(
        `${key}: in ${TABLE} but no manifest route has it — remove the row or restore the route`,
      );
    }
  }
  return lines;
}
