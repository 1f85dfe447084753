import { hiddenDangersContract } from "../../shared/contracts/hidden-dangers.ts";
import { routeKey } from "../../shared/contracts/route.ts";
import type { DangerStep } from "../../shared/hidden-dangers/lifecycle.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import {
  httpHandler,
  implement,
  type RouteContext,
  type RouteResult,
} from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { hiddenDangerStats, listHiddenDangers } from "./danger-listing.ts";
import { reachDanger } from "./danger-reach.ts";
import { completeEvidence, evidenceLink, startEvidence } from "./evidence-uploads.ts";
import { planHiddenDanger, reportHiddenDanger, stepHiddenDanger } from "./hidden-dangers.ts";
import { hiddenDangersApi } from "./manifest.ts";

function tagged<T extends { version: number }>(record: T, status = 200): RouteResult<T> {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

type StepRoute = (typeof hiddenDangersContract)[DangerStep];

function step(name: DangerStep) {
  return async ({ caller, scope, params, body, headers }: RouteContext<StepRoute>) =>
    tagged(
      await stepHiddenDanger(caller, scope, params.id, name, body.note, expectedVersion(headers)),
    );
}

export const handler = httpHandler(
  hiddenDangersApi,
  implement(hiddenDangersContract, {
    report: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(hiddenDangersContract.report),
          headers,
          body,
        },
        async (requestId?: string) =>
          tagged(await reportHiddenDanger(caller, scope, body, new Date(), requestId), 201),
      ),
    list: async ({ caller, scope, query }) => ({
      body: await listHiddenDangers(caller, scope, query),
    }),
    get: async ({ caller, scope, params }) =>
      tagged((await reachDanger(caller, scope, params.id)).danger),
    plan: async ({ caller, scope, params, body, headers }) =>
      tagged(await planHiddenDanger(caller, scope, params.id, body, expectedVersion(headers))),
    rectify: step("rectify"),
    evaluate: step("evaluate"),
    accept: step("accept"),
    reject: step("reject"),
    close: step("close"),
    startEvidence: async ({ caller, scope, params, body }) => ({
      status: 201,
      body: await startEvidence(caller, scope, params.id, body),
    }),
    completeEvidence: async ({ caller, scope, params }) =>
      tagged(await completeEvidence(caller, scope, params.id, params.evidenceId)),
    evidenceLink: async ({ caller, scope, params }) => ({
      body: await evidenceLink(caller, scope, params.id, params.evidenceId),
    }),
    stats: async ({ scope, query }) => ({ body: await hiddenDangerStats(scope, query.period) }),
  }),
);
