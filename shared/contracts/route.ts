import type * as z from "zod";
import type { Role } from "../tenancy/roles.ts";

/**
 * The route contract: what a route is (method, path, who may call it, request and response
 * schemas), declared once as data. The manifest lists a capability's contract object, the
 * function implements it through a mapped type (functions/platform/http/implement.ts) and the
 * web app's client is derived from it (frontend/src/api/call.ts).
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Every product route lives under this prefix; the docs page is the one exception. */
export const API_PREFIX = "/api/v1";

/** A product path under the prefix, keeping its literal type: `api("/health")`. */
export function api<const P extends `/${string}`>(path: P): `${typeof API_PREFIX}${P}` {
  return `${API_PREFIX}${path}`;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface HttpRoute {
  method: HttpMethod;
  /** Full path as API Gateway sees it, with `{param}` placeholders, e.g. `/api/v1/health`. */
  path: string;
  /** `public` routes skip the JWT authorizer; otherwise only the listed roles are let through. */
  access: "public" | { roles: readonly Role[] };
  /** Short summary for the OpenAPI document. */
  summary: string;
  /**
   * A POST that only computes (e.g. the grading preview): an integrator's `read` scope suffices.
   * Every other method but GET needs the `write` scope from integrators.
   */
  readOnly?: boolean;
  /** Request schemas: validated by the HTTP handler factory and published in the OpenAPI document. */
  request?: {
    body?: z.ZodType;
    query?: z.ZodType;
    params?: z.ZodType;
    /** Request headers the route requires, e.g. `If-Match`, `Idempotency-Key`. */
    headers?: readonly string[];
  };
  /** Documented responses by status; `schema` omitted for non-JSON bodies. */
  responses?: Readonly<Record<number, RouteResponse>>;
  tags?: readonly string[];
}

/** A documented error answer (problem+json, RFC 9457): its schema is the platform's. */
export const problem = (description: string): RouteResponse => ({ description });

/** A capability's routes by name: `{ list: {...}, get: {...} }`. */
export type Contract = Readonly<Record<string, HttpRoute>>;

/** `GET /api/v1/health` — the route key API Gateway and the local gateway both use. */
export function routeKey(route: Pick<HttpRoute, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

type Responses<R extends HttpRoute> = NonNullable<R["responses"]>;
type SuccessStatus<R extends HttpRoute> = Extract<keyof Responses<R>, 200 | 201 | 202>;
type SchemaAt<R extends HttpRoute, S> = S extends keyof Responses<R>
  ? Responses<R>[S] extends { schema: infer T extends z.ZodType }
    ? T
    : never
  : never;

/** The schema of a route's success answer (200, 201 or 202), `never` when it has none. */
export type SuccessSchema<R extends HttpRoute> = SchemaAt<R, SuccessStatus<R>>;

/** What a handler may answer on success: anything its success schema accepts. */
export type SuccessInput<R extends HttpRoute> = [SuccessSchema<R>] extends [never]
  ? undefined
  : z.input<SuccessSchema<R>>;

/** What a client reads on success: the success schema's output. */
export type SuccessOutput<R extends HttpRoute> = [SuccessSchema<R>] extends [never]
  ? undefined
  : z.output<SuccessSchema<R>>;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type InferInput<S> = S extends z.ZodType ? z.input<S> : undefined;
type RequestOf<R extends HttpRoute> = NonNullable<R["request"]>;

/** The parsed request a handler receives. */
export interface ParsedRequest<R extends HttpRoute> {
  body: Infer<RequestOf<R>["body"]>;
  query: Infer<RequestOf<R>["query"]>;
  params: Infer<RequestOf<R>["params"]>;
}

type Declared<R extends HttpRoute> = {
  [K in keyof ParsedRequest<R>]: RequestOf<R>[K] extends z.ZodType ? K : never;
}[keyof ParsedRequest<R>];
type Optional<R extends HttpRoute> = {
  [K in Declared<R>]: Record<string, never> extends InferInput<RequestOf<R>[K]> ? K : never;
}[Declared<R>];

/** What a client sends: the parts the route declares, optional where every field is. */
export type RequestInput<R extends HttpRoute> = {
  [K in Exclude<Declared<R>, Optional<R>>]: InferInput<RequestOf<R>[K]>;
} & { [K in Optional<R>]?: InferInput<RequestOf<R>[K]> };
