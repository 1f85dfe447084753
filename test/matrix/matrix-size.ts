import type { HttpRoute } from "../../functions/platform/manifest-types.ts";
import { routeKey } from "../../functions/platform/manifest-types.ts";
import { ROLES } from "../../shared/tenancy/roles.ts";
import { cellsOf } from "./expectations.ts";
import { PERMISSIONS } from "./permissions.ts";
import type { RouteCase } from "./route-case.ts";

export interface MatrixSize {
  routes: number;
  roles: number;
  cells: number;
  text: string;
}

/**
 * How big the matrix is for the routes that have a case and a permission row (missing ones fail
 * elsewhere: the matrix's own route test and permissions.test.ts).
 */
export function matrixSize(
  routes: readonly HttpRoute[],
  cases: Readonly<Record<string, RouteCase>>,
): MatrixSize {
  let cells = 0;
  for (const route of routes) {
    const rc = cases[routeKey(route)];
    if (rc && PERMISSIONS[routeKey(route)]) cells += cellsOf(route, rc).length;
  }
  return {
    routes: routes.length,
    roles: ROLES.length,
    cells,
    text: `${routes.length} routes × ${ROLES.length} roles (+ anonymous) × relations = ${cells} cells`,
  };
}
