import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

/** Grades inputs without saving anything (评估预览). */
export function previewGrade(
  client: HttpClient,
  request: GradingPreviewRequest,
  signal?: AbortSignal,
) {
  return callRoute(client, registryContract.gradingPreview, {
    body: request,
    ...(signal ? { signal } : {}),
  });
}

/** The latest version of each method profile, with value tables and descriptions. */
export async function listMethodProfiles(client: HttpClient, signal?: AbortSignal) {
  const page = await callRoute(client, registryContract.methodProfiles, signal ? { signal } : {});
  return page.items;
}
