import { identificationListsFor } from "../../shared/catalogs/identification-lists/index.ts";
import { grade } from "../../shared/methodology/grading.ts";
import type { Enterprise, EnterpriseCoverage } from "../../shared/risk/enterprise.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { storeForScope } from "../platform/data/request-store.ts";
import { etagOf, expectedVersion } from "../platform/http/etag.ts";
import { httpHandler, implement, type RouteResult } from "../platform/http/http-handler.ts";
import { idempotently } from "../platform/http/idempotency.ts";
import { routeKey } from "../platform/manifest-types.ts";
import { enterpriseCoverage } from "../stats/enterprise-coverage-reader.ts";
import { assessmentHistory, reviewAssessment, submitAssessment } from "./assessments.ts";
import { listEnterprises, reachEnterprise, updateOwnEnterprise } from "./enterprises.ts";
import { registryApi, registryRoutes } from "./manifest.ts";
import { mapPoints } from "./map-points.ts";
import {
  latestProfiles,
  profileVersions,
  publishProfile,
  resolveProfile,
  restrictIndustryProfiles,
  retireProfile,
} from "./method-profiles.ts";
import { reviewBatch } from "./review-batch.ts";
import { reviewQueue } from "./review-queue.ts";
import { listRiskSources } from "./risk-source-listing.ts";
import { registerRiskSource, removeRiskSource, updateRiskSource } from "./risk-sources.ts";
import { enterpriseNames } from "./row-names.ts";
import { reachSource } from "./source-reach.ts";
import {
  decideSupervisionChange,
  listSupervisionChanges,
  requestSupervisionChange,
} from "./supervision-changes.ts";

/** An enterprise as answered, with its coverage stage once the statistics fold counted it. */
function withCoverage<E extends { tenantId: string }>(
  enterprise: E,
  coverage: ReadonlyMap<string, EnterpriseCoverage>,
): E & { coverage?: EnterpriseCoverage } {
  const found = coverage.get(enterprise.tenantId);
  return found ? { ...enterprise, coverage: found } : enterprise;
}

/** The enterprise's name on a row, when it is known. */
const withName = (enterpriseName: string | undefined) => (enterpriseName ? { enterpriseName } : {});

/**
 * A source as every answer shows it, the enterprise's name beside it, so a client can cache any
 * answer as the source.
 */
async function named<T extends { tenantId: string }>(scope: Scope, source: T) {
  const names = await enterpriseNames(storeForScope(scope), [source.tenantId]);
  return { ...source, ...withName(names.get(source.tenantId)) };
}

/** A versioned record answered with its ETag, so the next update can send If-Match. */
function tagged<T extends { version: number }>(record: T, status = 200): RouteResult<T> {
  return { status, body: record, headers: { etag: etagOf(record.version) } };
}

export const handler = httpHandler(
  registryApi,
  implement(registryRoutes, {
    gradingPreview: async ({ body }) => {
      const profile = await resolveProfile(body.profileId, body.profileVersion);
      return {
        body: grade(profile, {
          current: body.current as Record<string, number>,
          inherent: body.inherent as Record<string, number> | undefined,
          dimensions: body.dimensions,
          directRules: body.directRules,
          controlsRecorded: body.controlsRecorded,
        }),
      };
    },
    methodProfiles: async ({ query }) => ({
      body: { items: await latestProfiles(query.industry) },
    }),
    publishProfile: async ({ caller, body }) => ({
      status: 201,
      body: await publishProfile(caller, body),
    }),
    retireProfile: async ({ caller, params }) => ({
      body: await retireProfile(caller, params.profileId, params.version),
    }),
    profileVersions: async ({ params }) => ({
      body: { items: await profileVersions(params.profileId) },
    }),
    restrictIndustryProfiles: async ({ caller, scope, params, body }) => ({
      body: await restrictIndustryProfiles(caller, scope, params.industry, body.profileIds),
    }),
    identificationLists: async ({ params }) => ({
      body: { items: identificationListsFor(params.industry) },
    }),
    ownEnterprise: async ({ caller, scope }) =>
      tagged(await reachEnterprise(caller, scope, scope.tenantId)),
    updateOwnEnterprise: async ({ caller, scope, body, headers }) =>
      tagged(await updateOwnEnterprise(caller, scope, body, expectedVersion(headers))),
    listEnterprises: async ({ caller, scope, query }) => {
      const { coverage: read, ...page } = await listEnterprises(caller, scope, query);
      // A stage filter has read the coverage already, from the rollups it filters by.
      const coverage =
        read ??
        (await enterpriseCoverage(
          storeForScope(scope),
          page.items.map((e) => e.tenantId),
        ));
      const view = (e: Enterprise) =>
        withCoverage(maskContactsFor(caller.role, e, false), coverage);
      return { body: { ...page, items: page.items.map(view) } };
    },
    getEnterprise: async ({ caller, scope, params }) => {
      const found = await reachEnterprise(caller, scope, params.tenantId);
      const coverage = await enterpriseCoverage(storeForScope(scope), [found.tenantId]);
      const view = maskContactsFor(caller.role, found, found.tenantId === caller.tenantId);
      return tagged(withCoverage(view, coverage));
    },
    listRiskSources: async ({ caller, scope, query }) => {
      const page = await listRiskSources(caller, scope, query);
      const names = await enterpriseNames(
        storeForScope(scope),
        page.items.map((s) => s.tenantId),
      );
      return {
        body: {
          ...page,
          items: page.items.map((s) => ({
            ...maskContactsFor(caller.role, s, s.tenantId === caller.tenantId),
            ...withName(names.get(s.tenantId)),
          })),
        },
      };
    },
    createRiskSource: async ({ caller, scope, body, headers }) => {
      const register = async (requestId?: string) =>
        tagged(
          await named(scope, await registerRiskSource(caller, scope, body, new Date(), requestId)),
          201,
        );
      return idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(registryRoutes.createRiskSource),
          headers,
          body,
        },
        register,
      );
    },
    getRiskSource: async ({ caller, scope, params }) => {
      const { source } = await reachSource(caller, scope, params.id, "read");
      return tagged(
        await named(
          scope,
          maskContactsFor(caller.role, source, source.tenantId === caller.tenantId),
        ),
      );
    },
    updateRiskSource: async ({ caller, scope, params, body, headers }) =>
      tagged(
        await named(
          scope,
          await updateRiskSource(caller, scope, params.id, body, expectedVersion(headers)),
        ),
      ),
    deleteRiskSource: async ({ caller, scope, params, headers }) => {
      await removeRiskSource(caller, scope, params.id, expectedVersion(headers));
      return { status: 204 };
    },
    createAssessment: async ({ caller, scope, params, body, headers }) => {
      const assess = async (requestId?: string) => {
        const { assessment, riskSource } = await submitAssessment(
          caller,
          scope,
          params.id,
          body,
          new Date(),
          requestId,
        );
        return {
          status: 201,
          body: {
            id: assessment.id,
            grade: assessment.grade,
            riskSource: await named(scope, riskSource),
          },
          headers: { etag: etagOf(assessment.version) },
        };
      };
      return idempotently(
        {
          tenantId: caller.tenantId,
          route: `${routeKey(registryRoutes.createAssessment)} ${params.id}`,
          headers,
          body,
        },
        assess,
      );
    },
    listAssessments: async ({ caller, scope, params }) => ({
      body: { items: await assessmentHistory(caller, scope, params.id) },
    }),
    mapPoints: async ({ caller, scope, query }) => ({
      body: await mapPoints(caller, scope, query),
    }),
    reviewQueue: async ({ caller, scope, query }) => ({
      body: await reviewQueue(caller, scope, query),
    }),
    reviewBatch: async ({ caller, scope, body, language }) => ({
      body: await reviewBatch(caller, scope, body, language),
    }),
    reviewAssessment: async ({ caller, scope, params, body, headers }) =>
      tagged(await reviewAssessment(caller, scope, params.id, body, expectedVersion(headers))),
    requestSupervisionChange: async ({ caller, scope, body, headers }) => {
      const request = async () => tagged(await requestSupervisionChange(caller, scope, body), 201);
      return idempotently(
        {
          tenantId: caller.tenantId,
          route: routeKey(registryRoutes.requestSupervisionChange),
          headers,
          body,
        },
        request,
      );
    },
    listSupervisionChanges: async ({ caller, scope, query }) => ({
      body: await listSupervisionChanges(caller, scope, query),
    }),
    decideSupervisionChange: async ({ caller, scope, params, body, headers }) =>
      tagged(
        await decideSupervisionChange(caller, scope, params.id, body, expectedVersion(headers)),
      ),
  }),
);
