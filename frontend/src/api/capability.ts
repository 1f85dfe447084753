import { capabilityAssessmentsContract } from "../../../shared/contracts/capability-assessments.ts";
import type { RequestInput } from "../../../shared/contracts/route.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export type CapabilityInput = RequestInput<
  typeof capabilityAssessmentsContract.createAssessment
>["body"];

export const capabilityKeys = {
  all: () => ["capability"] as const,
  checklists: () => ["capability", "checklists"] as const,
  /** `own` when the caller's enterprise is meant (no tenant named). */
  history: (tenantId: string) => ["capability", "history", tenantId] as const,
};

export function listChecklists(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, capabilityAssessmentsContract.listChecklists, {
    ...(signal ? { signal } : {}),
  });
}

export function listAssessments(
  client: HttpClient,
  tenantId: string | undefined,
  cursor?: string,
  signal?: AbortSignal,
) {
  return callRoute(client, capabilityAssessmentsContract.listAssessments, {
    query: { ...(tenantId ? { tenantId } : {}), ...(cursor ? { cursor } : {}), limit: 20 },
    ...(signal ? { signal } : {}),
  });
}

export function createAssessment(
  client: HttpClient,
  body: CapabilityInput,
  idempotencyKey: string,
) {
  return callRoute(client, capabilityAssessmentsContract.createAssessment, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
