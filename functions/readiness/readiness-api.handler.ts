import { routeKey } from "../../shared/contracts/route.ts";
import { CAPABILITY_CHECKLISTS } from "../../shared/readiness/capability-checklists.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement, type RouteResult } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { createAssessment, getAssessment, listAssessments } from "./capability.ts";
import { readinessApi, readinessRoutes } from "./manifest.ts";
import { nearestResources } from "./nearest.ts";
import {
  createResource,
  deleteResource,
  listResources,
  reachResource,
  updateResource,
  viewOf,
} from "./resources.ts";
import { surveyCsv, surveyReport } from "./survey.ts";

function tagged<T extends { version: number }>(record: T, status = 200): RouteResult<T> {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

export const handler = httpHandler(
  readinessApi,
  implement(readinessRoutes, {
    listResources: async ({ caller, scope, query }) => ({
      body: await listResources(caller, scope, query),
    }),
    createResource: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(readinessRoutes.createResource),
          headers,
          body,
        },
        async (requestId?: string) =>
          tagged(
            viewOf(caller, await createResource(caller, scope, body, new Date(), requestId)),
            201,
          ),
      ),
    getResource: async ({ caller, scope, params }) =>
      tagged(viewOf(caller, await reachResource(caller, scope, params.id))),
    updateResource: async ({ caller, scope, params, body, headers }) =>
      tagged(
        viewOf(
          caller,
          await updateResource(caller, scope, params.id, body, expectedVersion(headers)),
        ),
      ),
    deleteResource: async ({ caller, scope, params, headers }) => {
      await deleteResource(caller, scope, params.id, expectedVersion(headers));
      return { status: 204 };
    },
    resourceSurvey: async ({ caller, scope, params }) => ({
      body: await surveyReport(caller, scope, params.tenantId),
    }),
    resourceSurveyCsv: async ({ caller, scope, params }) => {
      const file = await surveyCsv(caller, scope, params.tenantId);
      return {
        headers: {
          "content-disposition": `attachment; filename="resource-survey.csv"; filename*=UTF-8''${encodeURIComponent("应急资源调查.csv")}`,
        },
        raw: {
          body: Buffer.from(file).toString("base64"),
          contentType: "text/csv; charset=utf-8",
          base64: true,
        },
      };
    },
    nearestResources: async ({ caller, scope, params, query }) => ({
      body: await nearestResources(caller, scope, params.id, query.limit, query.category),
    }),
    listChecklists: async () => ({ body: { items: [...CAPABILITY_CHECKLISTS] } }),
    createAssessment: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(readinessRoutes.createAssessment),
          headers,
          body,
        },
        async (requestId?: string) => ({
          status: 201,
          body: await createAssessment(caller, scope, body, new Date(), requestId),
        }),
      ),
    listAssessments: async ({ caller, scope, query }) => ({
      body: await listAssessments(caller, scope, query.tenantId, query.cursor, query.limit),
    }),
    getAssessment: async ({ caller, scope, params }) => ({
      body: await getAssessment(caller, scope, params.id),
    }),
  }),
);
