import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifest } from "../../functions/manifest.ts";
import { routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { cellsOf } from "../matrix/expectations.ts";
import { routeCases } from "../matrix/route-cases.ts";
import { callerOf, type MatrixRun, methodOf, send } from "../matrix/run-cell.ts";
import { MatrixFixtures } from "../support/matrix-fixtures.ts";
import { anonymous, seedExtraLogins, signInAll } from "../support/matrix-principals.ts";
import { stackStore } from "../support/stack-client.ts";
import { tableCensus } from "../support/table-census.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { invalidBodies } from "./body-arbitraries.ts";

// Issue 4: random bodies posted to every route with a body schema, by a caller the route lets in
// and for a target within its reach: always a 4xx, never a 5xx, never a write.
const bodyRoutes = manifest.flatMap(routesOf).filter((r) => r.request?.body !== undefined);
const RUNS = 25;
const REFUSALS = new Set([400, 404, 409, 412, 413, 415, 422, 428]);

describe("random bodies", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let run: MatrixRun;

  beforeAll(async () => {
    // A valid random report is accepted; 25 bodies on one QR link would meet its 429.
    process.env.CITYRISK_PUBLIC_REPORT_RATE_LIMIT = "100000/60";
    running = await startTestStack("fuzz", { beforeStart: seedExtraLogins });
    stack = running.stack;
    const fx = new MatrixFixtures(stackStore(stack));
    await fx.seedOwners();
    run = { fx, callers: await signInAll(stack), anonymous: anonymous(stack) };
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** A legitimate request of the route: an allowed caller and a target within its reach. */
  async function legitimate(key: string) {
    const route = bodyRoutes.find((r) => routeKey(r) === key);
    const rc = routeCases[key];
    if (!route || !rc)
      throw new Error(`no matrix case for ${key}: add it to test/matrix/route-cases.ts`);
    const cell = cellsOf(route, rc).find(
      (c) => c.expect.status < 400 && (c.expect.kind === "status" || c.expect.included),
    );
    if (!cell) throw new Error(`${key}: no caller may use it`);
    const target = await rc.prepare({ fx: run.fx, owner: cell.owner, principal: cell.principal });
    return { caller: callerOf(run, cell), method: methodOf(key), request: target.request() };
  }

  for (const route of bodyRoutes) {
    const key = routeKey(route);
    const schema = route.request?.body;
    it(`${key}: random and mutated bodies → 4xx, no write`, async () => {
      const { caller, method, request } = await legitimate(key);
      const bodies = fc.sample(
        invalidBodies(request.body).filter(
          (body) => body !== undefined && schema?.safeParse(body).success === false,
        ),
        { numRuns: RUNS, seed: 20261129 },
      );
      // One census around all the bodies: a scan per body made this file the suite's second
      // longest. Only when the table changed is each body sent again alone, to name the culprit.
      const before = await tableCensus(stack);
      for (const body of bodies) {
        const reply = await send(caller, method, { ...request, body });
        expect(REFUSALS.has(reply.status), `${reply.status} ${JSON.stringify(reply.body)}`).toBe(
          true,
        );
      }
      if ((await tableCensus(stack)).digest !== before.digest) {
        for (const body of bodies) {
          const alone = await tableCensus(stack);
          await send(caller, method, { ...request, body });
          expect(await tableCensus(stack), `written by ${JSON.stringify(body)}`).toEqual(alone);
        }
      }
      expect(bodies.length).toBe(RUNS);
    });

    it(`${key}: oversized, non-JSON and deeply nested bodies → 4xx, no write`, async () => {
      const { caller, method, request } = await legitimate(key);
      const before = await tableCensus(stack);
      const raw = async (body: string, contentType: string) => {
        const res = await fetch(`${stack.baseUrl}${request.path}`, {
          method,
          headers: {
            ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
            ...request.headers,
            "content-type": contentType,
          },
          body,
        });
        await res.text();
        return res.status;
      };
      const huge = JSON.stringify({ ...(request.body as object), pad: "x".repeat(1_100_000) });
      expect(await raw(huge, "application/json")).toBe(413);
      expect(await raw("{", "application/json")).toBe(400);
      expect(await raw("a=1", "application/x-www-form-urlencoded")).toBe(415);
      const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
      expect(REFUSALS.has(await raw(deep, "application/json"))).toBe(true);
      const deepObject = `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`;
      expect(REFUSALS.has(await raw(deepObject, "application/json"))).toBe(true);
      expect(await tableCensus(stack)).toEqual(before);
    });
  }
});
