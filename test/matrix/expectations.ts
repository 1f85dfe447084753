import type { HttpRoute } from "../../functions/platform/manifest-types.ts";
import { routeKey } from "../../functions/platform/manifest-types.ts";
import { OWNER_LIST, OWNERS, type Owner } from "../support/matrix-owners.ts";
import {
  PRINCIPALS,
  type Principal,
  REACHING,
  type Relation,
} from "../support/matrix-principals.ts";
import { permissionOf } from "./permissions.ts";
import { ownerOf, type RouteCase } from "./route-case.ts";

/** What one cell must answer. */
export type Expectation =
  | { kind: "status"; status: number }
  /** A listing answers 200; the owner's target item is in it exactly when `included`. */
  | { kind: "listing"; status: number; included: boolean };

/** One cell of the matrix: a route, a caller (or nobody), an owner and their relation. */
export interface Cell {
  key: string;
  principal: Principal | undefined;
  owner: Owner;
  relation: Relation | "anonymous" | "none";
  expect: Expectation;
}

const status = (s: number): Expectation => ({ kind: "status", status: s });

/**
 * The rules every cell's expectation follows (issue 3 §6), never written per cell:
 * no token on a non-public route → 401; a role the permission table (permissions.ts, the
 * product's rules — not the manifest's `access`) does not allow → 403, and so is an
 * integrator without the `write` scope on a route that writes; an allowed role
 * with the target outside its reach → 404 for items (the same as for no item at all) and "not
 * listed" for listings; within reach → the case's success status. Public routes: anyone.
 */
export function expectationOf(
  route: HttpRoute,
  rc: RouteCase,
  principal: Principal | undefined,
  relation: Relation | "none",
): Expectation {
  const allowed = permissionOf(routeKey(route)).roles;
  if (allowed === "public") return status(rc.success);
  if (!principal) return status(401);
  if (!allowed.includes(principal.role)) return status(403);
  const writes = route.method !== "GET" && !route.readOnly;
  if (principal.role === "integrator" && writes && !principal.writes) return status(403);
  if (rc.shape === "open" || rc.shape === "self") return status(rc.success);
  const reaches = relation !== "none" && REACHING.has(relation) && (rc.reaches?.(relation) ?? true);
  if (rc.shape === "list") return { kind: "listing", status: rc.success, included: reaches };
  return status(reaches ? rc.success : (rc.refusal ?? 404));
}

/**
 * The cells of one route: the anonymous caller once, then every principal — once for `open`
 * and `self` routes (their own tenant), against each owner for `item` and `list` routes.
 */
export function cellsOf(route: HttpRoute, rc: RouteCase): Cell[] {
  const key = routeKey(route);
  const cells: Cell[] = [
    {
      key,
      principal: undefined,
      owner: OWNERS.gas,
      relation: "anonymous",
      expect: expectationOf(route, rc, undefined, "none"),
    },
  ];
  for (const principal of PRINCIPALS) {
    if (rc.shape === "open" || rc.shape === "self") {
      const own = ownerOf(principal);
      const relation = rc.shape === "self" ? "ownTenant" : "none";
      cells.push({
        key,
        principal,
        owner: own ?? OWNERS.gas,
        relation,
        expect: expectationOf(route, rc, principal, relation),
      });
      continue;
    }
    for (const owner of OWNER_LIST) {
      const relation = principal.relationTo(owner);
      cells.push({
        key,
        principal,
        owner,
        relation,
        expect: expectationOf(route, rc, principal, relation),
      });
    }
  }
  return cells;
}

/** Short text of an expectation, for test names and the printed matrix. */
export function describeExpectation(e: Expectation): string {
  if (e.kind === "status") return String(e.status);
  return e.included ? `${e.status} listed` : `${e.status} unlisted`;
}

/** Whether a cell lets the caller at the target (for the allow/deny summary). */
export function allows(e: Expectation): boolean {
  return e.kind === "listing" ? e.included : e.status < 400;
}
