import { isDeepStrictEqual } from "node:util";
import { ulid } from "ulidx";
import type { MatrixFixtures } from "../support/matrix-fixtures.ts";
import type { Owner } from "../support/matrix-owners.ts";
import type { ApiCaller } from "../support/stack-client.ts";
import type { Cell } from "./expectations.ts";
import type { CaseRequest, RouteCase, Target } from "./route-case.ts";

export interface MatrixRun {
  fx: MatrixFixtures;
  /** Signed-in callers by principal id. */
  callers: ReadonlyMap<string, ApiCaller>;
  anonymous: ApiCaller;
}

type Reply = Awaited<ReturnType<ApiCaller["call"]>>;

const MAX_PAGES = 25;

export function methodOf(key: string): string {
  return key.slice(0, key.indexOf(" "));
}

export function callerOf(run: MatrixRun, cell: Pick<Cell, "principal">): ApiCaller {
  if (!cell.principal) return run.anonymous;
  const caller = run.callers.get(cell.principal.id);
  if (!caller) throw new Error(`no caller signed in for ${cell.principal.id}`);
  return caller;
}

export function send(caller: ApiCaller, method: string, request: CaseRequest): Promise<Reply> {
  return caller.call(method, request.path, {
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.headers ? { headers: request.headers } : {}),
  });
}

/** An id of the same owner and shape that names nothing: a new ULID in its last part. */
export function ghostId(id: string): string {
  const at = id.lastIndexOf("~");
  return at > 0 ? `${id.slice(0, at)}~${ulid()}` : `t-ghost-${ulid().toLowerCase()}`;
}

/** Whether an id belongs to an owner: its tenant id, or `<tenantId>~…`. */
export function ownedBy(id: string, owner: Owner): boolean {
  return id === owner.tenantId || id.startsWith(`${owner.tenantId}~`);
}

/** The reply a cell is judged by: a batch route's 200 by its item's own result. */
export function judged(rc: RouteCase, reply: Reply): Reply {
  return rc.result && reply.status === 200 ? { ...reply, ...rc.result(reply.body) } : reply;
}

/** A problem body without the echo of the request path, to compare two refusals. */
function problemShape(reply: Reply): unknown {
  if (typeof reply.body !== "object" || reply.body === null) return reply.body;
  const { instance: _instance, ...rest } = reply.body as Record<string, unknown>;
  return { status: reply.status, ...rest };
}

function excerpt(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return (text ?? "").slice(0, 240);
}

function defaultPage(body: unknown): { ids: string[]; next: string | null } {
  const page = body as { items?: { id?: unknown }[]; nextCursor?: unknown };
  return {
    ids: (page.items ?? []).map((i) => String(i.id)),
    next: typeof page.nextCursor === "string" ? page.nextCursor : null,
  };
}

/** Every id of a listing, following `nextCursor`. */
async function listAll(
  caller: ApiCaller,
  method: string,
  request: CaseRequest,
  first: Reply,
  rc: RouteCase,
): Promise<string[]> {
  const read = rc.page ?? defaultPage;
  let page = read(first.body);
  const ids = [...page.ids];
  for (let n = 1; page.next !== null && n < MAX_PAGES; n++) {
    const sep = request.path.includes("?") ? "&" : "?";
    const reply = await send(caller, method, {
      ...request,
      path: `${request.path}${sep}cursor=${encodeURIComponent(page.next)}`,
    });
    if (reply.status !== 200) throw new Error(`page ${n + 1} answered ${reply.status}`);
    page = read(reply.body);
    ids.push(...page.ids);
  }
  return ids;
}

export function who(cell: Cell): string {
  return `${cell.principal?.id ?? "anonymous"} → ${cell.owner.key} (${cell.relation})`;
}

/**
 * Runs one cell and returns what went wrong (empty when it answered as the rules say): the
 * status; for listings whether the owner's item is (not) among the ids; for 404s that the answer
 * equals the one for an item that does not exist; for refusals that the stored target is unchanged.
 */
export async function runCell(run: MatrixRun, cell: Cell, rc: RouteCase): Promise<string[]> {
  const failures: string[] = [];
  const method = methodOf(cell.key);
  const caller = callerOf(run, cell);
  const target: Target = await rc.prepare({
    fx: run.fx,
    owner: cell.owner,
    principal: cell.principal,
  });
  const refused = cell.expect.status >= 400;
  const before = refused && target.stored ? await target.stored() : undefined;
  const request = target.request();
  const reply = judged(rc, await send(caller, method, request));
  const label = who(cell);
  if (reply.status !== cell.expect.status) {
    failures.push(
      `${label}: expected ${cell.expect.status}, got ${reply.status} ${excerpt(reply.body)}`,
    );
    return failures;
  }
  if (cell.expect.kind === "listing") {
    const ids = await listAll(caller, method, request, reply, rc);
    if (cell.expect.included && target.id && !ids.includes(target.id)) {
      failures.push(`${label}: ${target.id} should be listed and is not`);
    }
    if (!cell.expect.included) {
      const leaked = ids.filter((id) => ownedBy(id, cell.owner));
      if (leaked.length > 0) failures.push(`${label}: lists ${leaked.length} item(s) out of reach`);
    }
  }
  if (cell.expect.kind === "status" && cell.expect.status === 404 && target.id) {
    const ghost = judged(rc, await send(caller, method, target.request(ghostId(target.id))));
    if (!isDeepStrictEqual(problemShape(ghost), problemShape(reply))) {
      failures.push(
        `${label}: the 404 differs from the one for a missing item: ${excerpt(reply.body)} vs ${excerpt(ghost.body)}`,
      );
    }
  }
  if (refused && target.stored) {
    const after = await target.stored();
    if (!isDeepStrictEqual(before, after))
      failures.push(`${label}: refused, yet the target changed`);
  }
  return failures;
}

/** Runs tasks with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
