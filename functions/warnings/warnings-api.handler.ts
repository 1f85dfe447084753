import { routeKey } from "../../shared/contracts/route.ts";
import { warningsContract } from "../../shared/contracts/warnings.ts";
import { ForbiddenError } from "../../shared/errors.ts";
import type { WarningAction } from "../../shared/warnings/warning.ts";
import { readingArchive } from "../adapters/archive/archive-from-config.ts";
import { actorOf } from "../audit/audit-log.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import {
  httpHandler,
  implement,
  type RouteContext,
  type RouteResult,
} from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { createIndicator, listIndicators, updateIndicator } from "./indicators.ts";
import { warningsApi, warningsRoutes } from "./manifest.ts";
import { ingestReadings } from "./readings.ts";
import { currentRuleSet, inForceRuleSet, listRuleSets, publishRuleSet } from "./rule-sets.ts";
import { cityTiming, setTiming, timingFor } from "./settings.ts";
import { actOnWarning } from "./transitions.ts";
import { listWarnings } from "./warning-listing.ts";
import { reachWarning } from "./warning-reach.ts";

function tagged<T extends { version: number }>(record: T, status = 200): RouteResult<T> {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

/** If-Match is optional on warning steps: without it they are idempotent. */
function optionalVersion(headers: Readonly<Record<string, string | undefined>>) {
  return headers["if-match"] === undefined ? undefined : expectedVersion(headers);
}

type StepRoute = (typeof warningsContract)[
  | "acknowledgeWarning"
  | "handleWarning"
  | "resolveWarning"
  | "closeWarning"];

function step(action: WarningAction) {
  return async ({ caller, scope, params, body, headers }: RouteContext<StepRoute>) =>
    tagged(
      await actOnWarning(caller, scope, params.id, action, body.note, optionalVersion(headers)),
    );
}

export const handler = httpHandler(
  warningsApi,
  implement(warningsRoutes, {
    createIndicator: async ({ caller, scope, params, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: `${routeKey(warningsContract.createIndicator)} ${params.id}`,
          headers,
          body,
        },
        async (requestId?: string) =>
          tagged(await createIndicator(caller, scope, params.id, body, new Date(), requestId), 201),
      ),
    listIndicators: async ({ caller, scope, params, query }) => ({
      body: await listIndicators(caller, scope, params.id, query.cursor, query.limit),
    }),
    updateIndicator: async ({ caller, scope, params, body, headers }) =>
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
    postReadings: async ({ caller, scope, body }) => {
      // Only an enterprise's own people and systems report its sensors.
      if (scope.kind !== "tenant") {
        throw new ForbiddenError({
          zh: "只有企业本身及其系统可以上报监测数据",
          en: "Only the enterprise and its own systems report readings",
        });
      }
      const store = storeForScope(scope);
      let enterpriseName: Promise<string> | undefined;
      const result = await ingestReadings(
        {
          store,
          tenantId: scope.tenantId,
          actor: actorOf(caller),
          archive: readingArchive(),
          now: new Date(),
          enterpriseName: async () => {
            enterpriseName ??= loadEnterprise(store, scope.tenantId).then((e) => e?.name ?? "");
            return enterpriseName;
          },
          timing: async (district) => (await timingFor(functionStore(), district)).timing,
          ruleSet: () => inForceRuleSet(functionStore()),
        },
        body.readings,
      );
      return { body: result };
    },
    listWarnings: async ({ caller, scope, query }) => ({
      body: await listWarnings(caller, scope, query),
    }),
    getWarning: async ({ caller, scope, params }) =>
      tagged((await reachWarning(caller, scope, params.id)).warning),
    acknowledgeWarning: step("acknowledge"),
    handleWarning: step("handle"),
    resolveWarning: step("resolve"),
    closeWarning: step("close"),
    getWarningSettings: async ({ params }) => {
      const store = functionStore();
      return tagged(
        params.scope === "city" ? await cityTiming(store) : await timingFor(store, params.scope),
      );
    },
    setWarningSettings: async ({ caller, params, body, headers }) =>
      tagged(
        await setTiming(functionStore(), caller, params.scope, body, expectedVersion(headers)),
      ),
    listWarningRuleSets: async () => ({ body: { items: await listRuleSets(functionStore()) } }),
    currentWarningRuleSet: async () => ({ body: await currentRuleSet(functionStore()) }),
    publishWarningRuleSet: async ({ caller, body, headers }) =>
      idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(warningsRoutes.publishWarningRuleSet),
          headers,
          body,
        },
        async () => ({ status: 201, body: await publishRuleSet(functionStore(), caller, body) }),
      ),
  }),
);
