import { ForbiddenError } from "../../shared/errors.ts";
import type { WarningAction } from "../../shared/warnings/warning.ts";
import { readingArchive } from "../adapters/archive/archive-from-config.ts";
import { actorOf } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import type { RouteContext } from "../platform/http/http-handler.ts";
import { httpHandler, on, type RouteResult } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { loadSource, sourceNotFound } from "../registry/source-reach.ts";
import { createIndicator, listIndicators, updateIndicator } from "./indicators.ts";
import { warningsApi } from "./manifest.ts";
import { ingestReadings } from "./readings.ts";
import * as routes from "./routes.ts";
import { cityTiming, setTiming, timingFor } from "./settings.ts";
import { sourceFacts } from "./signal-steps.ts";
import { actOnWarning } from "./transitions.ts";
import { listWarnings } from "./warning-listing.ts";
import { reachWarning } from "./warning-reach.ts";

function tagged(record: { version: number }, status = 200): RouteResult {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

/** If-Match is optional on warning steps: without it they are idempotent. */
function optionalVersion(
  headers: Readonly<Record<string, string | undefined>>,
): number | undefined {
  return headers["if-match"] === undefined ? undefined : expectedVersion(headers);
}

type StepRoute =
  | typeof routes.acknowledgeWarningRoute
  | typeof routes.handleWarningRoute
  | typeof routes.resolveWarningRoute
  | typeof routes.closeWarningRoute;

function step(action: WarningAction) {
  return async ({ caller, scope, params, body, headers }: RouteContext<StepRoute>) =>
    tagged(
      await actOnWarning(caller, scope, params.id, action, body.note, optionalVersion(headers)),
    );
}

export const handler = httpHandler(warningsApi, [
  on(routes.createIndicatorRoute, async ({ caller, scope, params, body, headers }) =>
    idempotently(
      {
        tenantId: caller.tenantId,
        route: `${routeKey(routes.createIndicatorRoute)} ${params.id}`,
        headers,
        body,
      },
      async (requestId?: string) =>
        tagged(await createIndicator(caller, scope, params.id, body, new Date(), requestId), 201),
    ),
  ),
  on(routes.listIndicatorsRoute, async ({ caller, scope, params, query }) => ({
    body: await listIndicators(caller, scope, params.id, query.cursor, query.limit),
  })),
  on(routes.updateIndicatorRoute, async ({ caller, scope, params, body, headers }) =>
    tagged(
      await updateIndicator(
        caller,
        scope,
        params.id,
        params.indicatorId,
        body,
        expectedVersion(headers),
      ),
    ),
  ),
  on(routes.postReadingsRoute, async ({ caller, scope, body }) => {
    // Only an enterprise's own people and systems report its sensors.
    if (scope.kind !== "tenant") {
      throw new ForbiddenError({
        zh: "只有企业本身及其系统可以上报监测数据",
        en: "Only the enterprise and its own systems report readings",
      });
    }
    const store = storeForScope(scope);
    const facts = new Map<string, ReturnType<typeof sourceFacts>>();
    const result = await ingestReadings(
      {
        store,
        tenantId: scope.tenantId,
        actor: actorOf(caller),
        archive: readingArchive(),
        now: new Date(),
        facts: async (riskSourceId) => {
          const known = facts.get(riskSourceId);
          if (known) return known;
          const source = await loadSource(store, scope.tenantId, riskSourceId);
          if (!source) throw sourceNotFound();
          const enterprise = await loadEnterprise(store, scope.tenantId);
          const found = sourceFacts(source, enterprise?.name ?? "");
          facts.set(riskSourceId, found);
          return found;
        },
        timing: async (district) => (await timingFor(functionStore(), district)).timing,
      },
      body.readings,
    );
    return { body: result };
  }),
  on(routes.listWarningsRoute, async ({ caller, scope, query }) => ({
    body: await listWarnings(caller, scope, query),
  })),
  on(routes.getWarningRoute, async ({ caller, scope, params }) =>
    tagged((await reachWarning(caller, scope, params.id)).warning),
  ),
  on(routes.acknowledgeWarningRoute, step("acknowledge")),
  on(routes.handleWarningRoute, step("handle")),
  on(routes.resolveWarningRoute, step("resolve")),
  on(routes.closeWarningRoute, step("close")),
  on(routes.getWarningSettingsRoute, async ({ params }) => {
    const store = functionStore();
    const found =
      params.scope === "city" ? await cityTiming(store) : await timingFor(store, params.scope);
    return tagged(found);
  }),
  on(routes.setWarningSettingsRoute, async ({ caller, params, body, headers }) =>
    tagged(await setTiming(functionStore(), caller, params.scope, body, expectedVersion(headers))),
  ),
]);
