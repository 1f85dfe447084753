import { capabilityAssessmentsContract } from "../../shared/contracts/capability-assessments.ts";
import { emergencyPlansContract } from "../../shared/contracts/emergency-plans.ts";
import { emergencyResourcesContract } from "../../shared/contracts/emergency-resources.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** The readiness API's routes: resources (DB11/T 1580) and capability assessments. */
export const readinessRoutes = { ...emergencyResourcesContract, ...capabilityAssessmentsContract };

/**
 * Emergency readiness (应急准备): resources with their survey and nearest search, and the
 * enterprise's capability assessments.
 */
export const readinessApi: FunctionDefinition = {
  id: "readiness-api",
  description: "Emergency resources, their survey, the nearest to a source; capability assessments",
  handler: "functions/readiness/readiness-api.handler.ts",
  routes: readinessRoutes,
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 29,
};

/** One-to-one emergency plans (document by presigned upload) and drills of risk sources. */
export const plansApi: FunctionDefinition = {
  id: "plans-api",
  description: "One-to-one emergency plans of risk sources and their drills",
  handler: "functions/readiness/plans-api.handler.ts",
  routes: emergencyPlansContract,
  table: "readWrite",
  bucket: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 29,
};
