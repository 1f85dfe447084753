import type { MatrixFixtures } from "../support/matrix-fixtures.ts";
import { OWNER_LIST, type Owner } from "../support/matrix-owners.ts";
import type { Principal, Relation } from "../support/matrix-principals.ts";

/**
 * What a route touches, which decides how the matrix's relations apply to it:
 * - `open`: no tenant data (catalogs, grading preview, the caller itself): one cell per caller;
 * - `self`: the caller's own tenant, chosen by the token (nothing to point at): one cell per caller;
 * - `item`: one owner's item named in the path: 404 outside the caller's reach;
 * - `list`: a listing: the owner's item appears exactly when it is within reach.
 */
export type RouteShape = "open" | "self" | "item" | "list";

/** One HTTP request of a case. */
export interface CaseRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CaseContext {
  fx: MatrixFixtures;
  /** The owner whose data is targeted (for `open`/`self`: the caller's own, or the gas station). */
  owner: Owner;
  /** Undefined for the anonymous caller. */
  principal: Principal | undefined;
}

/** A prepared target: the request for it, and the stored state a refused request must not change. */
export interface Target {
  /**
   * Item routes: the id in the path (a tenant id or a `<tenantId>~<ULID>` id);
   * list routes: the id the listing must include when the owner is within reach.
   */
  id?: string;
  /** Builds the request, with another id in place of `id` (ghost and tampering variants). */
  request: (id?: string) => CaseRequest;
  /** Reads what the request could change; a refused request must leave it equal. */
  stored?: () => Promise<unknown>;
}

export interface RouteCase {
  shape: RouteShape;
  /** The answer when the caller is allowed and the target is within reach (2xx or a business status). */
  success: number;
  /** Prepares a target of `ctx.owner` — fresh data when the route changes state, so cases repeat. */
  prepare: (ctx: CaseContext) => Promise<Target>;
  /** Cells of this route must run one after another (they share mutable state, e.g. a profile). */
  serial?: boolean;
  /**
   * The answer to an allowed role outside its reach: 404 (default, existence never revealed);
   * 403 only where the target is public knowledge anyway (e.g. an industry of the catalog).
   */
  refusal?: 403 | 404;
  /** Narrows the default reach (own tenant, in jurisdiction, delegated) for this route. */
  reaches?: (relation: Relation) => boolean;
  /** List routes: the ids on one page and the next cursor (default `{items[].id, nextCursor}`). */
  page?: (body: unknown) => { ids: string[]; next: string | null };
  /**
   * Body fields that carry a tenant id; the tampering test points them at another tenant.
   * Without it the test adds a `tenantId` field, which a strict schema must refuse.
   */
  tenantBodyFields?: readonly string[];
  /**
   * Batch routes answer 200 with one result per item: the cell is judged by the target item's
   * own status and body (applied only to a 200).
   */
  result?: (body: unknown) => { status: number; body: unknown };
}

/** The demo enterprise a principal belongs to, if any. */
export function ownerOf(principal: Principal | undefined): Owner | undefined {
  return OWNER_LIST.find((o) => o.tenantId === principal?.tenantId);
}

export const enc = encodeURIComponent;

/**
 * One target per owner, made on first use and read by many cells (for read-only routes whose
 * target need not be fresh).
 */
export function oncePerOwner<T>(make: (ctx: CaseContext) => Promise<T>) {
  const made = new Map<string, Promise<T>>();
  return (ctx: CaseContext): Promise<T> => {
    let found = made.get(ctx.owner.tenantId);
    if (!found) {
      found = make(ctx);
      made.set(ctx.owner.tenantId, found);
    }
    return found;
  };
}
