import { randomUUID } from "node:crypto";
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
  Context,
} from "aws-lambda";
import type { MatchedRoute } from "./route-table.ts";

export type AuthorizerHandler = (
  event: APIGatewayRequestAuthorizerEventV2,
  context: Context,
) => Promise<unknown>;

export type AuthorizerOutcome =
  | { status: "allowed"; context: Record<string, string> }
  | { status: 401 | 403 | 500 };

/**
 * Calls the manifest's Lambda authorizer as API Gateway does for an HTTP API with simple
 * responses: no `Authorization` header → 401 without calling it; a thrown `Unauthorized` → 401;
 * `isAuthorized: false` → 403; any other failure → 500.
 */
export async function callAuthorizer(
  handler: AuthorizerHandler,
  context: Context,
  input: { headers: Record<string, string>; match: MatchedRoute; rawPath: string; method: string },
): Promise<AuthorizerOutcome> {
  const authorization = input.headers.authorization;
  if (!authorization) return { status: 401 };
  const now = new Date();
  const event = {
    version: "2.0",
    type: "REQUEST",
    routeArn: `arn:aws:execute-api:local:000000000000:local/$default/${input.method}${input.rawPath}`,
    identitySource: [authorization],
    routeKey: input.match.routeKey,
    rawPath: input.rawPath,
    rawQueryString: "",
    headers: input.headers,
    pathParameters: input.match.pathParameters,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: input.headers.host ?? "localhost",
      domainPrefix: "localhost",
      http: {
        method: input.method,
        path: input.rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: input.headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: input.match.routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  } as APIGatewayRequestAuthorizerEventV2;
  let result: APIGatewaySimpleAuthorizerWithContextResult<Record<string, string>>;
  try {
    result = (await handler(event, context)) as typeof result;
  } catch (error) {
    return { status: (error as Error).message === "Unauthorized" ? 401 : 500 };
  }
  if (typeof result?.isAuthorized !== "boolean") return { status: 500 };
  return result.isAuthorized
    ? { status: "allowed", context: result.context ?? {} }
    : { status: 403 };
}

/** API Gateway's authorizer result cache: successes by identity source, for a fixed time. */
export class ResultCache {
  readonly #entries = new Map<string, { context: Record<string, string>; until: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, now: number = Date.now()): Record<string, string> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.context;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, context: Record<string, string>, now: number = Date.now()): void {
    if (this.ttlMs <= 0 || key === "") return;
    // Expired entries go as new ones come; a token lives an hour, so the map stays small.
    if (this.#entries.size > 10_000) {
      for (const [k, e] of this.#entries) if (e.until <= now) this.#entries.delete(k);
    }
    this.#entries.set(key, { context, until: now + this.ttlMs });
  }
}
