import type { RiskSourceListQuery } from "../../../../shared/risk/list-query.ts";
import type {
  RiskSource,
  RiskSourceCreateInput,
  RiskSourceUpdateInput,
} from "../../../../shared/risk/risk-source.ts";
import type { HttpClient } from "../http-client.ts";
import { etagFrom, idSegment } from "./etag.ts";

const BASE = "/api/v1/risk-sources";

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

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function listRiskSources(
  client: HttpClient,
  filters: RiskSourceFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<RiskSource>> {
  const query = queryString({ ...filters, cursor, limit: 50 });
  return client.request<Page<RiskSource>>(`${BASE}${query}`, signal ? { signal } : {});
}

export async function getRiskSource(
  client: HttpClient,
  id: string,
  signal?: AbortSignal,
): Promise<Tagged<RiskSource>> {
  const response = await client.send<RiskSource>(
    `${BASE}/${idSegment(id)}`,
    signal ? { signal } : {},
  );
  return { value: response.body, etag: etagFrom(response.headers, response.body.version) };
}

/** Registers a source; the same key on a retry returns the first answer instead of a duplicate. */
export function createRiskSource(
  client: HttpClient,
  input: RiskSourceCreateInput,
  idempotencyKey: string,
): Promise<RiskSource> {
  return client.request<RiskSource>(BASE, {
    method: "POST",
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
): Promise<Tagged<RiskSource>> {
  const response = await client.send<RiskSource>(`${BASE}/${idSegment(id)}`, {
    method: "PATCH",
    body: patch,
    headers: { "If-Match": etag },
  });
  return { value: response.body, etag: etagFrom(response.headers, response.body.version) };
}
