import { supervisionChangeContract } from "../../../../shared/contracts/supervision-changes.ts";
import type {
  SupervisionChange,
  SupervisionChangeInput,
  SupervisionDecisionInput,
} from "../../../../shared/risk/supervision-change.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

/** The enterprise's own requests, or the pending ones an official would receive. */
export function listSupervisionChanges(client: HttpClient, cursor: string | undefined) {
  return callRoute(client, supervisionChangeContract.listSupervisionChanges, {
    query: { cursor },
  });
}

/** Files a request; the same key on a retry returns the first answer. */
export function requestSupervisionChange(
  client: HttpClient,
  input: SupervisionChangeInput,
  idempotencyKey: string,
) {
  return callRoute(client, supervisionChangeContract.requestSupervisionChange, {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** Approves or rejects; `If-Match` carries the version the official looked at. */
export function decideSupervisionChange(
  client: HttpClient,
  change: Pick<SupervisionChange, "id" | "version">,
  input: SupervisionDecisionInput,
) {
  return callRoute(client, supervisionChangeContract.decideSupervisionChange, {
    params: { id: change.id },
    body: input,
    headers: { "If-Match": `"${change.version}"` },
  });
}
