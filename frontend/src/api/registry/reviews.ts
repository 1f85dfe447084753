import type { Assessment, AssessmentReviewInput } from "../../../../shared/risk/assessment.ts";
import type { HttpClient } from "../http-client.ts";
import { idSegment } from "./etag.ts";
import type { Page } from "./risk-sources.ts";

/** Submitted assessments awaiting review in the official's jurisdiction. */
export function listReviewQueue(
  client: HttpClient,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<Assessment>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return client.request<Page<Assessment>>(`/api/v1/reviews${query}`, signal ? { signal } : {});
}

/** Accepts or returns an assessment; `If-Match` carries the version the official looked at. */
export function reviewAssessment(
  client: HttpClient,
  assessment: Pick<Assessment, "id" | "version">,
  input: AssessmentReviewInput,
): Promise<Assessment> {
  return client.request<Assessment>(`/api/v1/assessments/${idSegment(assessment.id)}/review`, {
    method: "POST",
    body: input,
    headers: { "If-Match": `"${assessment.version}"` },
  });
}
