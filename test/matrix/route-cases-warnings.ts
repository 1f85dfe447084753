import { DEFAULT_PREFERENCES } from "../../shared/notifications/preferences.ts";
import type { Principal } from "../support/matrix-principals.ts";
import {
  matrixIndicator,
  matrixWarning,
  storedWarning,
} from "../support/matrix-warning-fixtures.ts";
import type { CaseContext, RouteCase } from "./route-case.ts";
import { enc, ownerOf } from "./route-case.ts";

/** Matrix cases of monitoring and warnings (issue 11). */

const INDICATOR = {
  name: "可燃气体浓度",
  unit: "%LEL",
  thresholds: { general: 20, major: 40 },
};

async function indicatorCount(ctx: CaseContext, tenantId: string, riskSourceId: string) {
  const { data } = await ctx.fx.store.entities.indicator.query
    .byTenant({ tenantId, riskSourceId })
    .go({ pages: "all" });
  return data.length;
}

/** The caller's own preferences item: its user found by the login's e-mail. */
async function preferencesKey(fx: CaseContext["fx"], principal: Principal | undefined) {
  const tenantId = principal?.tenantId ?? "-";
  const email = principal?.login.kind === "password" ? principal.login.email : undefined;
  const { data } = await fx.store.entities.user.query.byTenant({ tenantId }).go({ pages: "all" });
  const user = data.find((u) => u.record.email === email);
  return { tenantId, userId: user?.userId ?? "-" };
}

/** A step on a fresh warning of the owner (`resolved` first for closing). */
function stepCase(action: string, from: "open" | "resolved" = "open"): RouteCase {
  return {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const warning = await matrixWarning(fx.store, fx.shared(owner).source, from);
      return {
        id: warning.id,
        request: (id = warning.id) => ({
          path: `/api/v1/warnings/${enc(id)}/${action}`,
          body: { note: "矩阵测试" },
        }),
        stored: () => storedWarning(fx.store, warning),
      };
    },
  };
}

/** The jurisdiction a district official or the city admin administers. */
function settingsScopeOf(principal: Principal | undefined): string {
  if (principal?.id === "chaoyangOfficial") return "110105";
  if (principal?.id === "haidianOfficial") return "110108";
  return "city";
}

export const warningCases: Readonly<Record<string, RouteCase>> = {
  "POST /api/v1/risk-sources/{id}/indicators": {
    shape: "item",
    success: 201,
    prepare: async (ctx) => {
      const source = await ctx.fx.source(ctx.owner);
      return {
        id: source.id,
        request: (id = source.id) => ({
          path: `/api/v1/risk-sources/${enc(id)}/indicators`,
          body: INDICATOR,
        }),
        stored: () => indicatorCount(ctx, ctx.owner.tenantId, source.id),
      };
    },
  },
  "GET /api/v1/risk-sources/{id}/indicators": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/risk-sources/${enc(id)}/indicators` }),
      };
    },
  },
  "PATCH /api/v1/risk-sources/{id}/indicators/{indicatorId}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { source } = fx.shared(owner);
      const indicator = await matrixIndicator(fx.store, source);
      return {
        id: indicator.id,
        request: (id = indicator.id) => ({
          path: `/api/v1/risk-sources/${enc(source.id)}/indicators/${enc(id)}`,
          body: { sustainSeconds: 60 },
          headers: { "if-match": '"1"' },
        }),
        stored: async () => {
          const { data } = await fx.store.entities.indicator
            .get({ tenantId: source.tenantId, riskSourceId: source.id, id: indicator.id })
            .go();
          return data?.record;
        },
      };
    },
  },
  // Readings go to the caller's own indicators (ids name their tenant); refused callers change
  // no state item.
  "POST /api/v1/readings": {
    shape: "self",
    success: 200,
    prepare: async (ctx) => {
      const own = ownerOf(ctx.principal) ?? ctx.owner;
      const indicator = await matrixIndicator(ctx.fx.store, ctx.fx.shared(own).source);
      return {
        request: () => ({
          path: "/api/v1/readings",
          body: {
            readings: [{ indicatorId: indicator.id, at: new Date().toISOString(), value: 5 }],
          },
        }),
        stored: async () => {
          const { data } = await ctx.fx.store.entities.indicatorState
            .get({ tenantId: indicator.tenantId, indicatorId: indicator.id })
            .go();
          return data?.state;
        },
      };
    },
  },
  "GET /api/v1/warnings": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const warning = await matrixWarning(fx.store, fx.shared(owner).source);
      return { id: warning.id, request: () => ({ path: "/api/v1/warnings?limit=200" }) };
    },
  },
  "GET /api/v1/warnings/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const warning = await matrixWarning(fx.store, fx.shared(owner).source);
      return {
        id: warning.id,
        request: (id = warning.id) => ({ path: `/api/v1/warnings/${enc(id)}` }),
      };
    },
  },
  "POST /api/v1/warnings/{id}/acknowledge": stepCase("acknowledge"),
  "POST /api/v1/warnings/{id}/handle": stepCase("handle"),
  "POST /api/v1/warnings/{id}/resolve": stepCase("resolve"),
  "POST /api/v1/warnings/{id}/close": stepCase("close", "resolved"),
  // Deadlines are no tenant's data: every official reads them.
  "GET /api/v1/warning-settings/{scope}": {
    shape: "open",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/warning-settings/110105" }) }),
  },
  // Each administrator sets its own jurisdiction's, at the version it reads (serial: one item).
  "PUT /api/v1/warning-settings/{scope}": {
    shape: "self",
    success: 200,
    serial: true,
    prepare: async ({ fx, principal }) => {
      const scope = settingsScopeOf(principal);
      const read = async () =>
        (await fx.store.entities.warningSettings.get({ scope }).go({ consistent: true })).data;
      const version = (await read())?.version ?? 0;
      return {
        request: () => ({
          path: `/api/v1/warning-settings/${scope}`,
          body: {
            acknowledgeMinutes: { major: 15, significant: 30, general: 240, low: 1440 },
            resolveMinutes: { major: 240, significant: 480, general: 2880, low: 10080 },
          },
          headers: { "if-match": `"${version}"` },
        }),
        stored: read,
      };
    },
  },
  // The warning rules are the city's, no tenant's data: every official reads their versions.
  "GET /api/v1/warning-rule-sets": {
    shape: "open",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/warning-rule-sets" }) }),
  },
  "GET /api/v1/warning-rule-sets/current": {
    shape: "open",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/warning-rule-sets/current" }) }),
  },
  // Each allowed call publishes the next version, the rules unchanged (the other cells' warnings
  // follow the same rules); serial, as each reads the version it must follow.
  "POST /api/v1/warning-rule-sets": {
    shape: "open",
    success: 201,
    serial: true,
    prepare: async ({ fx }) => {
      const { currentRuleSet } = await import("../../functions/warnings/rule-sets.ts");
      const current = await currentRuleSet(fx.store);
      return {
        request: () => ({
          path: "/api/v1/warning-rule-sets",
          body: { ...current, version: current.version + 1 },
        }),
        stored: async () =>
          (
            await fx.store.entities.warningRuleSet.query
              .byRuleSet({ ruleSetId: current.id })
              .go({ pages: "all", consistent: true })
          ).data,
      };
    },
  },
  // Notification preferences are the caller's own (issue 11 §6), at the version it reads.
  "GET /api/v1/me/notification-preferences": {
    shape: "self",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/me/notification-preferences" }) }),
  },
  "PUT /api/v1/me/notification-preferences": {
    shape: "self",
    success: 200,
    prepare: async ({ fx, principal }) => {
      const key = await preferencesKey(fx, principal);
      const read = async () =>
        (await fx.store.entities.notificationPreferences.get(key).go({ consistent: true })).data;
      const version = (await read())?.version ?? 0;
      return {
        request: () => ({
          path: "/api/v1/me/notification-preferences",
          body: {
            ...DEFAULT_PREFERENCES,
            quietHours: { enabled: false, start: "22:00", end: "07:00" },
          },
          headers: { "if-match": `"${version}"` },
        }),
        stored: read,
      };
    },
  },
};
