import type {
  SupervisionChange,
  SupervisionChangeInput,
  SupervisionDecisionInput,
} from "../../../../shared/risk/supervision-change.ts";
import type { HttpClient } from "../http-client.ts";
import { idSegment } from "./etag.ts";
import type { Page } from "./risk-sources.ts";

const BASE = "/api/v1/supervision-changes";

/** The enterprise's own requests, or the pending ones an official would receive. */
export function listSupervisionChanges(
  client: HttpClient,
  cursor: string | undefined,
): Promise<Page<SupervisionChange>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return client.request<Page<SupervisionChange>>(`${BASE}${query}`);
}

/** Files a request; the same key on a retry returns the first answer. */
export function requestSupervisionChange(
  client: HttpClient,
  input: SupervisionChangeInput,
  idempotencyKey: string,
): Promise<SupervisionChange> {
  return client.request<SupervisionChange>(BASE, {
    method: "POST",
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** Approves or rejects; `If-Match` carries the version the official looked at. */
export function decideSupervisionChange(
  client: HttpClient,
  change: Pick<SupervisionChange, "id" | "version">,
  input: SupervisionDecisionInput,
): Promise<SupervisionChange> {
  return client.request<SupervisionChange>(`${BASE}/${idSegment(change.id)}/decision`, {
    method: "POST",
    body: input,
    headers: { "If-Match": `"${change.version}"` },
  });
}
