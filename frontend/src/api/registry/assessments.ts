import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { AssessmentCreateInput } from "../../../../shared/risk/assessment.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

/** Assessment history of a source, newest first. */
export async function listAssessments(
  client: HttpClient,
  riskSourceId: string,
  signal?: AbortSignal,
) {
  const page = await callRoute(client, registryContract.listAssessments, {
    params: { id: riskSourceId },
    ...(signal ? { signal } : {}),
  });
  return page.items;
}

/** Grades and submits an assessment for review; the key makes a retry safe. */
export function createAssessment(
  client: HttpClient,
  riskSourceId: string,
  input: AssessmentCreateInput,
  idempotencyKey: string,
) {
  return callRoute(client, registryContract.createAssessment, {
    params: { id: riskSourceId },
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
