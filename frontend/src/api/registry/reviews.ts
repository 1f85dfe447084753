import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { Assessment, AssessmentReviewInput } from "../../../../shared/risk/assessment.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

/** Submitted assessments awaiting review in the official's jurisdiction. */
export function listReviewQueue(
  client: HttpClient,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, registryContract.reviewQueue, {
    query: { cursor },
    ...(signal ? { signal } : {}),
  });
}

/** Accepts or returns an assessment; `If-Match` carries the version the official looked at. */
export function reviewAssessment(
  client: HttpClient,
  assessment: Pick<Assessment, "id" | "version">,
  input: AssessmentReviewInput,
) {
  return callRoute(client, registryContract.reviewAssessment, {
    params: { id: assessment.id },
    body: input,
    headers: { "If-Match": `"${assessment.version}"` },
  });
}
