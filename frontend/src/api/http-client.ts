import { ApiError, NetworkError, toProblem } from "./problem.ts";

export interface HttpClientOptions {
  /** The bearer token to send, or undefined when signed out. */
  getToken: () => string | undefined;
  /** Called on any 401 before the ApiError is thrown. */
  onUnauthorized: () => void;
  /** The UI language, sent as `Accept-Language` so problem titles and messages match it. */
  getLanguage?: () => string;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Non-2xx statuses whose body is a normal answer (e.g. 503 from /health when degraded). */
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match` or `Idempotency-Key`. */
  headers?: Readonly<Record<string, string>>;
  /** `blob` for file downloads; JSON (or text) otherwise. */
  responseType?: "json" | "blob";
}

/** A successful answer with its headers (for `ETag`, `Content-Disposition`). */
export interface HttpResponse<T> {
  body: T;
  status: number;
  headers: Headers;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  send<T>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
}

async function readBody(response: Response, responseType?: "json" | "blob"): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (responseType === "blob" && response.ok) return response.blob();
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) return response.json();
  return response.text();
}

/**
 * A small fetch client for same-origin API calls: adds `Authorization: Bearer`, parses JSON and
 * turns error answers into ApiError carrying the RFC 9457 problem document.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  async function send<T>(path: string, request: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers = new Headers({ Accept: "application/json, application/problem+json" });
    const language = options.getLanguage?.();
    if (language) headers.set("Accept-Language", language);
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
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
    const body = await readBody(response, request.responseType).catch(() => undefined);
    if (response.ok || request.acceptStatuses?.includes(response.status)) {
      return { body: body as T, status: response.status, headers: response.headers };
    }
    if (response.status === 401) options.onUnauthorized();
    throw new ApiError(response.status, toProblem(body, language));
  }
  return {
    send,
    async request<T>(path: string, request: RequestOptions = {}): Promise<T> {
      return (await send<T>(path, request)).body;
    },
  };
}
