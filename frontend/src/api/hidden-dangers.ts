import { hiddenDangersContract as routes } from "../../../shared/contracts/hidden-dangers.ts";
import type {
  HiddenDanger,
  HiddenDangerLevel,
  HiddenDangerReportInput,
  HiddenDangerStatus,
  RectificationPlan,
} from "../../../shared/hidden-dangers/hidden-danger.ts";
import type { DangerStep } from "../../../shared/hidden-dangers/lifecycle.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export interface DangerFilters {
  level?: HiddenDangerLevel;
  status?: HiddenDangerStatus;
  supervised?: "true";
}

export const dangerKeys = {
  all: () => ["hidden-dangers"] as const,
  list: (filters: DangerFilters) => ["hidden-dangers", "list", filters] as const,
  one: (id: string) => ["hidden-dangers", "one", id] as const,
};

const ifMatch = (d: Pick<HiddenDanger, "version">) => ({ "If-Match": `"${d.version}"` });

export function listDangers(
  client: HttpClient,
  filters: DangerFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, routes.list, {
    query: { ...filters, cursor },
    ...(signal ? { signal } : {}),
  });
}

export function getDanger(client: HttpClient, id: string, signal?: AbortSignal) {
  return callRoute(client, routes.get, { params: { id }, ...(signal ? { signal } : {}) });
}

export function reportDanger(client: HttpClient, input: HiddenDangerReportInput, key: string) {
  return callRoute(client, routes.report, { body: input, headers: { "Idempotency-Key": key } });
}

export function planDanger(client: HttpClient, d: HiddenDanger, plan: RectificationPlan) {
  return callRoute(client, routes.plan, { params: { id: d.id }, body: plan, headers: ifMatch(d) });
}

export function stepDanger(client: HttpClient, d: HiddenDanger, step: DangerStep, note?: string) {
  return callRoute(client, routes[step], {
    params: { id: d.id },
    body: note ? { note } : {},
    headers: ifMatch(d),
  });
}

/**
 * Uploads an evidence photo: a presigned PUT straight to the bucket, then the completion that
 * checks its content. The browser's declared type is only a claim; the server reads the bytes.
 */
export async function uploadEvidence(client: HttpClient, d: HiddenDanger, file: File) {
  const started = await callRoute(client, routes.startEvidence, {
    params: { id: d.id },
    body: {
      fileName: file.name,
      contentType: file.type as "image/png",
      size: file.size,
    },
  });
  const put = await fetch(started.uploadUrl, {
    method: "PUT",
    headers: started.headers,
    body: file,
  });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  return callRoute(client, routes.completeEvidence, {
    params: { id: d.id, evidenceId: started.evidence.id },
  });
}

export function evidenceLink(client: HttpClient, d: HiddenDanger, evidenceId: string) {
  return callRoute(client, routes.evidenceLink, { params: { id: d.id, evidenceId } });
}
