import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifest } from "../../functions/manifest.ts";
import { routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { MatrixFixtures } from "../support/matrix-fixtures.ts";
import { otherOwner } from "../support/matrix-owners.ts";
import { anonymous, REACHING, seedExtraLogins, signInAll } from "../support/matrix-principals.ts";
import { type ApiCaller, stackStore } from "../support/stack-client.ts";
import { tableCensus } from "../support/table-census.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { type Cell, cellsOf } from "./expectations.ts";
import { matrixSize } from "./matrix-size.ts";
import { PERMISSIONS } from "./permissions.ts";
import type { CaseRequest, RouteCase, Target } from "./route-case.ts";
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
import { type Census, type Probe, type ProbeSource, tamperWalk } from "./tamper-walk.ts";

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
    // Every cell reports from one address: the public reports' per-address quota likewise.
    process.env.CITYRISK_PUBLIC_REPORT_RATE_LIMIT = "100000/60";
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

  function callerFor(cell: Cell): ApiCaller {
    const caller = run.callers.get(cell.principal?.id ?? "");
    if (!caller) throw new Error("caller missing");
    return caller;
  }

  /** A cell's probes, built on a fresh target of its case at each call. */
  function probeSource(
    cell: Cell,
    probes: (rc: RouteCase, target: Target) => Probe[],
  ): ProbeSource {
    const rc = routeCases[cell.key] as RouteCase;
    return {
      alone: rc.serial === true,
      prepare: async () =>
        probes(rc, await rc.prepare({ fx: run.fx, owner: cell.owner, principal: cell.principal })),
    };
  }

  const census: Census = async (tenants) => (await tableCensus(stack, tenants)).digest;

  // These two walk every reaching cell, a group at a time with a census around each group
  // (tamper-walk.ts); their time grows with the routes, hence the long timeouts.
  it("answers 403/404 to a tenant id changed in a path, changing and revealing nothing", async () => {
    const sources = reachingCells()
      .filter(({ cell }) => routeCases[cell.key]?.shape === "item")
      .map(({ cell }) =>
        probeSource(cell, (rc, target) => {
          // A bare tenant id is the matrix's other-tenant cell.
          if (!target.id?.includes("~")) return [];
          const other = otherOwner(cell.owner);
          const tampered = target.id.split(cell.owner.tenantId).join(other.tenantId);
          const label = `${cell.key} ${who(cell)}: ${tampered}`;
          return [
            {
              label,
              tenants: [cell.owner.tenantId, other.tenantId],
              send: async () =>
                judged(
                  rc,
                  await send(callerFor(cell), methodOf(cell.key), target.request(tampered)),
                ),
              mustNotWrite: () => true,
              judge: (reply) => [
                ...(reply.status === 403 || reply.status === 404
                  ? []
                  : [`${label} answered ${reply.status}`]),
                ...(leaksOther(reply, cell) ? [`${label}: answer leaks`] : []),
              ],
              ...(target.stored ? { stored: target.stored } : {}),
            },
          ];
        }),
      );
    expect(await tamperWalk(sources, census, CONCURRENCY)).toEqual([]);
  }, 900_000);

  it("refuses a tenant id put into a body or a query, writing and revealing nothing", async () => {
    // Writes first, then reads: an accepted listing writes its audit record, so reads grouped
    // with refused writes would send the whole group back to run alone.
    const isRead = (key: string) => Number(methodOf(key) === "GET");
    const cells = reachingCells().sort((a, b) => isRead(a.cell.key) - isRead(b.cell.key));
    const sources = cells.map(({ cell, route }) =>
      probeSource(cell, (rc, target) => {
        const valid = target.request();
        const other = otherOwner(cell.owner);
        // A body must refuse an added tenant id (unknown fields are rejected); a query may
        // ignore it, but never list the other tenant's items for it.
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
        const reachesOther = REACHING.has(cell.principal?.relationTo(other) ?? "otherTenant");
        const label = `${cell.key} ${who(cell)} with ${other.key}'s tenant id`;
        return variants.map(
          ({ request, mustRefuse }): Probe => ({
            label,
            tenants: [cell.owner.tenantId, other.tenantId, cell.principal?.tenantId ?? ""],
            send: () => send(callerFor(cell), methodOf(cell.key), request),
            mustNotWrite: (reply) => reply.status >= 400,
            judge: (reply) => {
              const failures: string[] = [];
              if (reply.status >= 500) failures.push(`${label}: ${reply.status}`);
              if (mustRefuse && reply.status < 400)
                failures.push(`${label}: accepted (${reply.status})`);
              if (!reachesOther) {
                const ids = (rc.page ?? firstPage)(reply.body).ids.filter((id) =>
                  ownedBy(id, other),
                );
                if (ids.length > 0 || leaksOther(reply, cell)) failures.push(`${label}: leaks`);
              }
              return failures;
            },
          }),
        );
      }),
    );
    expect(await tamperWalk(sources, census, CONCURRENCY)).toEqual([]);
  }, 900_000);

  // The route cells run after the tamper walks: every accepted cell adds to the partitions each
  // census reads (audit records, new items), and read last they cost the walks minutes.
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
});

function firstPage(body: unknown): { ids: string[]; next: string | null } {
  const items = (body as { items?: { id?: unknown }[] } | undefined)?.items;
  return { ids: Array.isArray(items) ? items.map((i) => String(i.id)) : [], next: null };
}
