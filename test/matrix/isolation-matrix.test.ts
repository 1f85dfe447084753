import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifest } from "../../functions/manifest.ts";
import { routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { MatrixFixtures } from "../support/matrix-fixtures.ts";
import { otherOwner } from "../support/matrix-owners.ts";
import { anonymous, REACHING, seedExtraLogins, signInAll } from "../support/matrix-principals.ts";
import { stackStore } from "../support/stack-client.ts";
import { tableCensus } from "../support/table-census.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { type Cell, cellsOf } from "./expectations.ts";
import { matrixSize } from "./matrix-size.ts";
import { PERMISSIONS } from "./permissions.ts";
import type { CaseRequest } from "./route-case.ts";
import { routeCases } from "./route-cases.ts";
import {
  inBatches,
  judged,
  type MatrixRun,
  methodOf,
  ownedBy,
  runCell,
  send,
  who,
} from "./run-cell.ts";

// The isolation matrix (issue 3 §6), generated from the manifest: every route × every role ×
// (own tenant, other tenant, in jurisdiction, out of jurisdiction, delegated or not), through the
// local gateway against DynamoDB Local. Expectations follow from rules (expectations.ts); who may
// call a route comes from the hand-written permission table (permissions.ts), not the manifest.
const routes = manifest.flatMap(routesOf);
const size = matrixSize(routes, routeCases);
const CONCURRENCY = 8;

describe(`isolation matrix: ${size.text}`, () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let run: MatrixRun;

  beforeAll(async () => {
    // The integrator's per-tenant quota would turn its later cells into 429s.
    process.env.CITYRISK_INTEGRATOR_RATE_LIMIT = "100000/60";
    running = await startTestStack("matrix", { beforeStart: seedExtraLogins });
    stack = running.stack;
    const fx = new MatrixFixtures(stackStore(stack));
    await fx.seedOwners();
    run = { fx, callers: await signInAll(stack), anonymous: anonymous(stack) };
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("has a case for every manifest route and no case without a route", () => {
    const declared = routes.map(routeKey).sort();
    const covered = Object.keys(routeCases).sort();
    expect({
      missingCases: declared.filter((k) => !covered.includes(k)),
      casesWithoutRoute: covered.filter((k) => !declared.includes(k)),
    }).toEqual({ missingCases: [], casesWithoutRoute: [] });
  });

  for (const route of routes) {
    const key = routeKey(route);
    it(`${key}`, async () => {
      const rc = routeCases[key];
      if (!rc) throw new Error(`no matrix case for ${key}: add it to test/matrix/route-cases.ts`);
      const cells = cellsOf(route, rc);
      const failures = (
        await inBatches(cells, rc.serial ? 1 : CONCURRENCY, (cell) => runCell(run, cell, rc))
      ).flat();
      expect(failures).toEqual([]);
    });
  }

  /** Cells where the caller reaches the owner with an allowed role: the ones worth tampering from. */
  function reachingCells(): { cell: Cell; route: (typeof routes)[number] }[] {
    return routes.flatMap((route) => {
      const rc = routeCases[routeKey(route)];
      const permission = PERMISSIONS[routeKey(route)];
      if (!rc || !permission || permission.roles === "public") return [];
      return cellsOf(route, rc)
        .filter((cell) => cell.principal && cell.expect.status < 400)
        .filter((cell) => cell.expect.kind === "status" || cell.expect.included)
        .filter(
          (cell, i, all) => all.findIndex((c) => c.principal?.role === cell.principal?.role) === i,
        )
        .map((cell) => ({ cell, route }));
    });
  }

  function leaksOther(reply: { body: unknown }, cell: Cell): boolean {
    const other = otherOwner(cell.owner);
    const text = JSON.stringify(reply.body) ?? "";
    return (
      text.includes(`测试企业 ${other.tenantId}`) || text.includes(run.fx.shared(other).source.id)
    );
  }

  // These two walk every reaching cell one at a time (a census before and after each request
  // must see that request alone): their time grows with the routes, hence the long timeouts.
  it("answers 403/404 to a tenant id changed in a path, changing and revealing nothing", async () => {
    const failures: string[] = [];
    for (const { cell } of reachingCells()) {
      const rc = routeCases[cell.key];
      if (rc?.shape !== "item") continue;
      const target = await rc.prepare({ fx: run.fx, owner: cell.owner, principal: cell.principal });
      if (!target.id?.includes("~")) continue; // a bare tenant id is the matrix's other-tenant cell
      const other = otherOwner(cell.owner);
      const tampered = target.id.split(cell.owner.tenantId).join(other.tenantId);
      const tenants = [cell.owner.tenantId, other.tenantId];
      const before = [await target.stored?.(), await tableCensus(stack, tenants)];
      const caller = run.callers.get(cell.principal?.id ?? "");
      if (!caller) throw new Error("caller missing");
      const reply = judged(rc, await send(caller, methodOf(cell.key), target.request(tampered)));
      const after = [await target.stored?.(), await tableCensus(stack, tenants)];
      if (reply.status !== 403 && reply.status !== 404) {
        failures.push(`${cell.key} ${who(cell)}: ${tampered} answered ${reply.status}`);
      }
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        failures.push(`${cell.key} ${who(cell)}: ${tampered} changed the table`);
      }
      if (leaksOther(reply, cell)) failures.push(`${cell.key} ${who(cell)}: answer leaks`);
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it("refuses a tenant id put into a body or a query, writing and revealing nothing", async () => {
    const failures: string[] = [];
    for (const { cell, route } of reachingCells()) {
      const rc = routeCases[cell.key];
      if (!rc) continue;
      const target = await rc.prepare({ fx: run.fx, owner: cell.owner, principal: cell.principal });
      const valid = target.request();
      const other = otherOwner(cell.owner);
      // A body must refuse an added tenant id (unknown fields are rejected); a query may ignore
      // it, but never list the other tenant's items for it.
      const variants: { request: CaseRequest; mustRefuse: boolean }[] = [];
      if (route.request?.body && typeof valid.body === "object" && valid.body !== null) {
        const fields = rc.tenantBodyFields ?? ["tenantId"];
        const body = {
          ...valid.body,
          ...Object.fromEntries(fields.map((f) => [f, other.tenantId])),
        };
        variants.push({ request: { ...valid, body }, mustRefuse: true });
      }
      if (methodOf(cell.key) === "GET" && rc.shape !== "open") {
        const sep = valid.path.includes("?") ? "&" : "?";
        const path = `${valid.path}${sep}tenantId=${encodeURIComponent(other.tenantId)}`;
        variants.push({ request: { ...valid, path }, mustRefuse: false });
      }
      const caller = run.callers.get(cell.principal?.id ?? "");
      if (!caller) throw new Error("caller missing");
      const reachesOther = REACHING.has(cell.principal?.relationTo(other) ?? "otherTenant");
      for (const { request, mustRefuse } of variants) {
        const tenants = [cell.owner.tenantId, other.tenantId, cell.principal?.tenantId ?? ""];
        const before = await tableCensus(stack, tenants);
        const reply = await send(caller, methodOf(cell.key), request);
        const after = await tableCensus(stack, tenants);
        const label = `${cell.key} ${who(cell)} with ${other.key}'s tenant id`;
        if (reply.status >= 500) failures.push(`${label}: ${reply.status}`);
        if (mustRefuse && reply.status < 400) failures.push(`${label}: accepted (${reply.status})`);
        if (reply.status >= 400 && before.digest !== after.digest) {
          failures.push(`${label}: refused, yet the table changed`);
        }
        if (!reachesOther) {
          const ids = (rc.page ?? firstPage)(reply.body).ids.filter((id) => ownedBy(id, other));
          if (ids.length > 0 || leaksOther(reply, cell)) failures.push(`${label}: leaks`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});

function firstPage(body: unknown): { ids: string[]; next: string | null } {
  const items = (body as { items?: { id?: unknown }[] } | undefined)?.items;
  return { ids: Array.isArray(items) ? items.map((i) => String(i.id)) : [], next: null };
}
