import type { HttpRoute } from "../../functions/platform/manifest-types.ts";
import { routeKey } from "../../functions/platform/manifest-types.ts";
import { ROLES } from "../../shared/tenancy/roles.ts";
import { cellsOf } from "./expectations.ts";
import type { RouteCase } from "./route-case.ts";

export interface MatrixSize {
  routes: number;
  roles: number;
  cells: number;
  text: string;
}

/** How big the matrix is for the routes that have a case (missing cases fail elsewhere). */
export function matrixSize(
  routes: readonly HttpRoute[],
  cases: Readonly<Record<string, RouteCase>>,
): MatrixSize {
  let cells = 0;
  for (const route of routes) {
    const rc = cases[routeKey(route)];
    if (rc) cells += cellsOf(route, rc).length;
  }
  return {
    routes: routes.length,
    roles: ROLES.length,
    cells,
    text: `${routes.length} routes × ${ROLES.length} roles (+ anonymous) × relations = ${cells} cells`,
  };
}
