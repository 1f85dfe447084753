import type { AuditFilter } from "../../../../shared/audit/audit-query.ts";
import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import type { RiskSourceFilters } from "../registry/risk-sources.ts";

/**
 * Query keys of the risk registry. Listings share the `riskSources` prefix so one invalidation
 * refreshes every filtered list and picker; a source's history sits under the source's own key.
 */
export const registryKeys = {
  riskSources: () => ["registry", "risk-sources"] as const,
  riskSourceList: (filters: RiskSourceFilters) =>
    [...registryKeys.riskSources(), "list", filters] as const,
  /** One district's points on the risk e-map (same prefix: a new source refreshes the map). */
  mapPoints: (filters: object) => [...registryKeys.riskSources(), "map", filters] as const,
  riskSourcePicker: () => [...registryKeys.riskSources(), "picker"] as const,
  riskSource: (id: string) => ["registry", "risk-source", id] as const,
  assessments: (riskSourceId: string) =>
    [...registryKeys.riskSource(riskSourceId), "assessments"] as const,
  reviews: () => ["registry", "reviews"] as const,
  reviewList: (filters: object) => [...registryKeys.reviews(), "list", filters] as const,
  methodProfiles: () => ["registry", "method-profiles"] as const,
  gradePreview: (request: GradingPreviewRequest | undefined) =>
    ["registry", "grade-preview", request] as const,
  ownEnterprise: () => ["registry", "enterprise", "own"] as const,
  enterprise: (tenantId: string) => ["registry", "enterprise", tenantId] as const,
  enterprises: () => ["registry", "enterprises"] as const,
  enterpriseList: (filters: object) => [...registryKeys.enterprises(), filters] as const,
  auditTrail: (tenantId: string | undefined, filter: AuditFilter = {}) =>
    ["registry", "audit", tenantId ?? "own", filter] as const,
  identificationLists: (industry: string | undefined) =>
    ["registry", "identification-lists", industry] as const,
  /** A card's links follow the source's version: a changed source asks for its new card. */
  riskCard: (id: string, size: string, version: number) =>
    [...registryKeys.riskSource(id), "card", size, version] as const,
  publicRiskSource: (token: string) => ["public", "risk-source", token] as const,
  importJob: (id: string | undefined) => ["registry", "import-job", id] as const,
  supervisionChanges: () => ["registry", "supervision-changes"] as const,
  /** Full source records for the supervision request dialog (the delegation picker keeps less). */
  supervisionSourcePicker: () => [...registryKeys.riskSources(), "supervision-picker"] as const,
};
