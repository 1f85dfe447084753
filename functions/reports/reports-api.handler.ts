import { reportsContract } from "../../shared/contracts/reports.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { reportsApi } from "./manifest.ts";
import { listReports, readReport, reportDownload, startReport } from "./report-jobs.ts";

export const handler = httpHandler(
  reportsApi,
  implement(reportsContract, {
    // An Idempotency-Key replays the first answer: a double click queues one report.
    start: ({ caller, scope, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(reportsContract.start),
          headers,
          body,
        },
        async () => ({
          status: 202 as const,
          body: await startReport(functionStore(), caller, scope, body),
        }),
      ),
    list: async ({ caller }) => ({
      body: { items: await listReports(functionStore(), caller), nextCursor: null },
    }),
    read: async ({ caller, params }) => ({
      body: await readReport(functionStore(), caller, params.id),
    }),
    download: async ({ caller, params }) => ({
      body: await reportDownload(functionStore(), caller, params.id),
    }),
  }),
);
