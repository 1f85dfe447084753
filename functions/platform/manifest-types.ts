import type * as z from "zod";
import type { Role } from "../../shared/tenancy/roles.ts";

/**
 * The manifest's vocabulary: one typed declaration per function that both the CDK app and the
 * local stack read (architecture.md "Declared once").
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Every product route lives under this prefix; the docs page is the one exception. */
export const API_PREFIX = "/api/v1";

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
  responses?: Readonly<
    Record<number, { description: string; schema?: z.ZodType; contentType?: string }>
  >;
  tags?: readonly string[];
}

export type DataAccess = "read" | "readWrite";

/** DynamoDB stream subscription, with Lambda event-filter patterns (matched on the record). */
export interface StreamSubscription {
  /** Lambda filter-criteria patterns; a record is delivered when any pattern matches. */
  filters: readonly Record<string, unknown>[];
  batchSize: number;
  maxRetries: number;
}

export interface FunctionDefinition {
  /** Stable id: CDK construct id, log group name part, local stack label. kebab-case. */
  id: string;
  description: string;
  /** Handler module path from the repository root; it exports `handler`. */
  handler: string;
  routes?: readonly HttpRoute[];
  /** Schedule ids from `events/schedules.ts`. */
  schedules?: readonly string[];
  stream?: StreamSubscription;
  /** Queue ids from the messaging definition. */
  queues?: readonly string[];
  table?: DataAccess;
  bucket?: DataAccess;
  /** Publishes to these topic ids. */
  publishes?: readonly string[];
  /**
   * Manages users' logins in the identity provider (Cognito admin actions on the user pool on
   * AWS, the local identity provider's admin endpoint on one machine).
   */
  identityAdmin?: boolean;
  /**
   * The HTTP API's Lambda authorizer: runs before every non-public route and hands the route's
   * handler the caller's claims. Exactly one function of the manifest declares it.
   */
  authorizer?: boolean;
  /**
   * Archives raw sensor readings in batches: through a Kinesis Data Firehose delivery stream
   * into the bucket on AWS (`READINGS_DELIVERY_STREAM`), as batch files in the bucket locally.
   */
  archivesReadings?: boolean;
  /** Sends e-mail (SES on AWS from the product's sender identity; SMTP capture locally). */
  sendsMail?: boolean;
  memoryMb?: number;
  timeoutSeconds?: number;
}

export type Manifest = readonly FunctionDefinition[];

/** `GET /api/v1/health` — the route key API Gateway and the local gateway both use. */
export function routeKey(route: Pick<HttpRoute, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}
