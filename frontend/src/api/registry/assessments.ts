import type { Grade } from "../../../../shared/methodology/grade-schema.ts";
import type { Assessment, AssessmentCreateInput } from "../../../../shared/risk/assessment.ts";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import type { HttpClient } from "../http-client.ts";
import { idSegment } from "./etag.ts";

export interface AssessmentCreated {
  id: string;
  grade: Grade;
  riskSource: RiskSource;
}

/** Assessment history of a source, newest first. */
export async function listAssessments(
  client: HttpClient,
  riskSourceId: string,
  signal?: AbortSignal,
): Promise<Assessment[]> {
  const page = await client.request<{ items: Assessment[] }>(
    `/api/v1/risk-sources/${idSegment(riskSourceId)}/assessments`,
    signal ? { signal } : {},
  );
  return page.items;
}

/** Grades and submits an assessment for review; the key makes a retry safe. */
export function createAssessment(
  client: HttpClient,
  riskSourceId: string,
  input: AssessmentCreateInput,
  idempotencyKey: string,
): Promise<AssessmentCreated> {
  return client.request<AssessmentCreated>(
    `/api/v1/risk-sources/${idSegment(riskSourceId)}/assessments`,
    { method: "POST", body: input, headers: { "Idempotency-Key": idempotencyKey } },
  );
}
