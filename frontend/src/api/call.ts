import type { HttpRoute, RequestInput, SuccessOutput } from "../../../shared/contracts/route.ts";
import type { HttpClient, HttpResponse, RequestOptions } from "./http-client.ts";

/**
 * The web app's API client, derived from the route contracts in `shared/contracts/`: the path,
 * the method, what may be sent and what comes back all follow from the route object, so no page
 * spells a path or casts an answer.
 */
export type CallOptions<R extends HttpRoute> = RequestInput<R> &
  Pick<RequestOptions, "signal" | "headers" | "acceptStatuses">;

/** Options may be left out when the route declares no required request part. */
type OptionsArgument<R extends HttpRoute> =
  Record<string, never> extends RequestInput<R>
    ? [options?: CallOptions<R>]
    : [options: CallOptions<R>];

type Parts = { params?: unknown; query?: unknown; body?: unknown };

/** A route's URL: `{name}` placeholders filled from `params`, `query` as a query string. */
export function routeUrl(route: HttpRoute, { params, query }: Parts = {}): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === "") throw new Error(`${route.path}: missing ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function requestOf(route: HttpRoute, options: Parts & CallOptions<HttpRoute>): RequestOptions {
  return {
    method: route.method,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.acceptStatuses ? { acceptStatuses: options.acceptStatuses } : {}),
  };
}

/** Calls a route and answers its body with status and headers (for `ETag`). */
export function sendRoute<R extends HttpRoute>(
  client: HttpClient,
  route: R,
  ...[options = {} as CallOptions<R>]: OptionsArgument<R>
): Promise<HttpResponse<SuccessOutput<R>>> {
  const parts = options as Parts & CallOptions<HttpRoute>;
  return client.send<SuccessOutput<R>>(routeUrl(route, parts), requestOf(route, parts));
}

/** Calls a route and answers its body, typed by the route's success schema. */
export async function callRoute<R extends HttpRoute>(
  client: HttpClient,
  route: R,
  ...options: OptionsArgument<R>
): Promise<SuccessOutput<R>> {
  return (await sendRoute(client, route, ...options)).body;
}

/** Fetches a route that answers a file rather than JSON. */
export async function downloadRoute<R extends HttpRoute>(
  client: HttpClient,
  route: R,
  ...[options = {} as CallOptions<R>]: OptionsArgument<R>
): Promise<HttpResponse<Blob>> {
  const parts = options as Parts & CallOptions<HttpRoute>;
  return client.send<Blob>(routeUrl(route, parts), {
    ...requestOf(route, parts),
    responseType: "blob",
  });
}
