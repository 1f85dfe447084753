import { ApiError, NetworkError, toProblem } from "./problem.ts";

export interface HttpClientOptions {
  /** The bearer token to send, or undefined when signed out. */
  getToken: () => string | undefined;
  /** Called on any 401 before the ApiError is thrown. */
  onUnauthorized: () => void;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Non-2xx statuses whose body is a normal answer (e.g. 503 from /health when degraded). */
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) return response.json();
  return response.text();
}

/**
 * A small fetch client for same-origin API calls: adds `Authorization: Bearer`, parses JSON and
 * turns error answers into ApiError carrying the RFC 9457 problem document.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return {
    async request<T>(path: string, request: RequestOptions = {}): Promise<T> {
      const headers = new Headers({ Accept: "application/json, application/problem+json" });
      const token = options.getToken();
      if (token) headers.set("Authorization", `Bearer ${token}`);
      if (request.body !== undefined) headers.set("Content-Type", "application/json");
      let response: Response;
      try {
        response = await fetch(path, {
          method: request.method ?? "GET",
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (cause) {
        if (request.signal?.aborted) throw cause;
        throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
      }
      const body = await readBody(response).catch(() => undefined);
      if (response.ok || request.acceptStatuses?.includes(response.status)) return body as T;
      if (response.status === 401) options.onUnauthorized();
      throw new ApiError(response.status, toProblem(body));
    },
  };
}
