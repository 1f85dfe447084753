import type { Grade } from "../../../../shared/methodology/grade-schema.ts";
import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import type { HttpClient } from "../http-client.ts";

/** Grades inputs without saving anything (评估预览). */
export function previewGrade(
  client: HttpClient,
  request: GradingPreviewRequest,
  signal?: AbortSignal,
): Promise<Grade> {
  return client.request<Grade>("/api/v1/grading/preview", {
    method: "POST",
    body: request,
    ...(signal ? { signal } : {}),
  });
}

/** The latest version of each method profile, with value tables and descriptions. */
export async function listMethodProfiles(
  client: HttpClient,
  signal?: AbortSignal,
): Promise<MethodProfile[]> {
  const page = await client.request<{ items: MethodProfile[] }>(
    "/api/v1/method-profiles",
    signal ? { signal } : {},
  );
  return page.items;
}
