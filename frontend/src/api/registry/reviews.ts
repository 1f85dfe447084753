import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { Assessment, AssessmentReviewInput } from "../../../../shared/risk/assessment.ts";
import type { BatchReviewInput, ReviewQueueQuery } from "../../../../shared/risk/review-queue.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

/** The queue's filters as the API takes them (the page's URL carries the same names). */
export type ReviewFilters = Partial<Omit<ReviewQueueQuery, "cursor" | "limit">>;

/** Submitted assessments awaiting review in the official's jurisdiction, filtered on the server. */
export function listReviewQueue(
  client: HttpClient,
  filters: ReviewFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, registryContract.reviewQueue, {
    query: { ...filters, cursor },
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

/** One decision for several assessments, each with the version the official looked at. */
export function reviewMany(
  client: HttpClient,
  assessments: readonly Pick<Assessment, "id" | "version">[],
  input: AssessmentReviewInput,
) {
  const items = assessments.map((a) => ({ id: a.id, version: a.version, ...input }));
  return callRoute(client, registryContract.reviewBatch, {
    body: { items } as BatchReviewInput,
  });
}
