import { emergencyPlansContract } from "../../../shared/contracts/emergency-plans.ts";
import {
  emergencyResourcesContract,
  type ResourceListQuery,
} from "../../../shared/contracts/emergency-resources.ts";
import type { RequestInput } from "../../../shared/contracts/route.ts";
import { callRoute, downloadRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

type Routes = typeof emergencyResourcesContract & typeof emergencyPlansContract;
export type ResourceInput = RequestInput<Routes["createResource"]>["body"];
export type PlanInput = RequestInput<Routes["createPlan"]>["body"];
export type DrillInput = RequestInput<Routes["createDrill"]>["body"];
export type ResourceFilters = Omit<Partial<ResourceListQuery>, "cursor">;

export const readinessKeys = {
  all: () => ["readiness"] as const,
  resources: (filters: ResourceFilters) => ["readiness", "resources", filters] as const,
  nearest: (riskSourceId: string) => ["readiness", "nearest", riskSourceId] as const,
  plan: (riskSourceId: string) => ["readiness", "plan", riskSourceId] as const,
  drills: (riskSourceId: string) => ["readiness", "drills", riskSourceId] as const,
};

export function listResources(
  client: HttpClient,
  filters: ResourceFilters,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, emergencyResourcesContract.listResources, {
    query: { ...filters, ...(cursor ? { cursor } : {}) },
    ...(signal ? { signal } : {}),
  });
}

export function createResource(client: HttpClient, body: ResourceInput, idempotencyKey: string) {
  return callRoute(client, emergencyResourcesContract.createResource, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function nearestResources(client: HttpClient, riskSourceId: string, signal?: AbortSignal) {
  return callRoute(client, emergencyResourcesContract.nearestResources, {
    params: { id: riskSourceId },
    query: { limit: 8 },
    ...(signal ? { signal } : {}),
  });
}

export async function downloadSurvey(client: HttpClient, tenantId: string) {
  const response = await downloadRoute(client, emergencyResourcesContract.resourceSurveyCsv, {
    params: { tenantId },
  });
  return { blob: response.body, fileName: "应急资源调查.csv" };
}

export async function planOf(client: HttpClient, riskSourceId: string, signal?: AbortSignal) {
  const page = await callRoute(client, emergencyPlansContract.listPlans, {
    query: { riskSourceId },
    ...(signal ? { signal } : {}),
  });
  return page.items[0] ?? null;
}

export function createPlan(client: HttpClient, body: PlanInput) {
  return callRoute(client, emergencyPlansContract.createPlan, { body });
}

/** Asks for a presigned upload, then PUTs the file straight to storage with the signed type. */
export async function uploadPlanDocument(client: HttpClient, planId: string, file: File) {
  const contentType = file.type as ResourceDocumentType;
  const link = await callRoute(client, emergencyPlansContract.uploadPlanDocument, {
    params: { id: planId },
    body: { fileName: file.name, contentType, size: file.size },
  });
  const put = await fetch(link.url, { method: "PUT", headers: link.headers, body: file });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
}
type ResourceDocumentType = RequestInput<Routes["uploadPlanDocument"]>["body"]["contentType"];

export function planDocumentLink(client: HttpClient, planId: string) {
  return callRoute(client, emergencyPlansContract.getPlanDocument, { params: { id: planId } });
}

export function listDrills(client: HttpClient, riskSourceId: string, signal?: AbortSignal) {
  return callRoute(client, emergencyPlansContract.listDrills, {
    query: { riskSourceId },
    ...(signal ? { signal } : {}),
  });
}

export function createDrill(client: HttpClient, body: DrillInput, idempotencyKey: string) {
  return callRoute(client, emergencyPlansContract.createDrill, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
