import { ulid } from "ulidx";
import { emergencyPlansContract } from "../../shared/contracts/emergency-plans.ts";
import { routeKey } from "../../shared/contracts/route.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { presignedGet, presignedPut } from "../adapters/s3/presigned-get.ts";
import { browserS3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement, type RouteResult } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { plansApi } from "./manifest.ts";
import {
  attachDocument,
  createDrill,
  createPlan,
  listDrills,
  listPlans,
  planView,
  reachPlan,
  updatePlan,
} from "./plans.ts";

/** Links to plan documents last 15 minutes: long enough to upload 20 MB on a slow line. */
const LINK_SECONDS = 900;

function tagged<T extends { version: number }>(record: T, status = 200): RouteResult<T> {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

export const handler = httpHandler(
  plansApi,
  implement(emergencyPlansContract, {
    createPlan: async ({ caller, scope, body }) =>
      tagged(planView(caller, await createPlan(caller, scope, body)), 201),
    listPlans: async ({ caller, scope, query }) => ({
      body: await listPlans(caller, scope, query.riskSourceId),
    }),
    getPlan: async ({ caller, scope, params }) =>
      tagged(planView(caller, (await reachPlan(caller, scope, params.id, "read")).plan)),
    updatePlan: async ({ caller, scope, params, body, headers }) =>
      tagged(
        planView(
          caller,
          await updatePlan(caller, scope, params.id, body, expectedVersion(headers)),
        ),
      ),
    uploadPlanDocument: async ({ caller, scope, params, body }) => {
      const now = new Date();
      const { plan } = await reachPlan(caller, scope, params.id, "assess");
      // The object key is the tenant's and the plan's, never the caller's file name.
      const key = `plans/${plan.tenantId}/${encodeURIComponent(plan.riskSourceId)}/${ulid(now.getTime())}`;
      const link = await presignedPut(
        browserS3(),
        { bucket: setting("bucketName"), key, contentType: body.contentType },
        LINK_SECONDS,
        now,
      );
      await attachDocument(
        caller,
        scope,
        params.id,
        {
          key,
          fileName: body.fileName,
          contentType: body.contentType,
          size: body.size,
          uploadedAt: now.toISOString(),
        },
        now,
      );
      return {
        body: {
          url: link.url,
          method: "PUT" as const,
          headers: { "content-type": body.contentType },
          expiresAt: link.expiresAt.toISOString(),
        },
      };
    },
    getPlanDocument: async ({ caller, scope, params }) => {
      const { plan } = await reachPlan(caller, scope, params.id, "read");
      if (!plan.document)
        throw new NotFoundError({ zh: "预案文件尚未上传", en: "No document uploaded yet" });
      const { key, fileName, contentType } = plan.document;
      const link = await presignedGet(
        browserS3(),
        { bucket: setting("bucketName"), key, fileName, contentType },
        LINK_SECONDS,
      );
      return {
        body: {
          url: link.url,
          method: "GET" as const,
          headers: {},
          expiresAt: link.expiresAt.toISOString(),
        },
      };
    },
    createDrill: async ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(emergencyPlansContract.createDrill),
          headers,
          body,
        },
        async (requestId?: string) => ({
          status: 201,
          body: await createDrill(caller, scope, body, new Date(), requestId),
        }),
      ),
    listDrills: async ({ caller, scope, query }) => ({
      body: await listDrills(caller, scope, query.riskSourceId, query.cursor, query.limit),
    }),
  }),
);
