import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { RiskSourceListQuery } from "../../../../shared/risk/list-query.ts";
import type {
  RiskSourceCreateInput,
  RiskSourceUpdateInput,
} from "../../../../shared/risk/risk-source.ts";
import { callRoute, sendRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";
import { taggedAnswer } from "./etag.ts";

/** Every listing answers `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A resource with the ETag to send back as `If-Match`. */
export interface Tagged<T> {
  value: T;
  etag: string;
}

export type RiskSourceFilters = Partial<Omit<RiskSourceListQuery, "cursor" | "limit">>;

export function listRiskSources(
  client: HttpClient,
  filters: RiskSourceFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = 50,
) {
  return callRoute(client, registryContract.listRiskSources, {
    query: { ...filters, cursor, limit },
    ...(signal ? { signal } : {}),
  });
}

export async function getRiskSource(client: HttpClient, id: string, signal?: AbortSignal) {
  return taggedAnswer(
    await sendRoute(client, registryContract.getRiskSource, {
      params: { id },
      ...(signal ? { signal } : {}),
    }),
  );
}

/** Registers a source; the same key on a retry returns the first answer instead of a duplicate. */
export function createRiskSource(
  client: HttpClient,
  input: RiskSourceCreateInput,
  idempotencyKey: string,
) {
  return callRoute(client, registryContract.createRiskSource, {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** Changes a source; a 412 means someone else changed it since `etag` was read. */
export async function updateRiskSource(
  client: HttpClient,
  id: string,
  patch: RiskSourceUpdateInput,
  etag: string,
) {
  return taggedAnswer(
    await sendRoute(client, registryContract.updateRiskSource, {
      params: { id },
      body: patch,
      headers: { "If-Match": etag },
    }),
  );
}
