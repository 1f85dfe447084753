import { publicReportsContract } from "../../shared/contracts/public-reports.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { publicReportsApi } from "./manifest.ts";
import {
  acceptReport,
  listPublicReports,
  rejectReport,
  submitPublicReport,
} from "./public-reports.ts";

export const handler = httpHandler(
  publicReportsApi,
  implement(publicReportsContract, {
    submit: async ({ params, body, event }) => {
      const report = await submitPublicReport(
        params.token,
        body,
        event.requestContext.http?.sourceIp ?? "unknown",
      );
      return {
        status: 202,
        body: { id: report.id, status: "pending" as const, receivedAt: report.createdAt },
        headers: { "cache-control": "no-store" },
      };
    },
    list: async ({ scope, query }) => ({ body: await listPublicReports(scope, query) }),
    accept: async ({ caller, scope, params, body, headers }) => {
      const next = await acceptReport(
        caller,
        scope,
        params.id,
        body.level,
        expectedVersion(headers),
      );
      return { body: next, headers: { etag: etagOf(next.version) } };
    },
    reject: async ({ caller, scope, params, body, headers }) => {
      const next = await rejectReport(
        caller,
        scope,
        params.id,
        body.reason,
        expectedVersion(headers),
      );
      return { body: next, headers: { etag: etagOf(next.version) } };
    },
  }),
);
