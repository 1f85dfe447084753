import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyResultV2,
} from "aws-lambda";
import type { MatchedRoute } from "./route-table.ts";

const TEXT_TYPES =
  /^(text\/|application\/(json|[^;]*\+json|xml|x-www-form-urlencoded|javascript))/i;

/** Headers as HTTP API payload 2.0 carries them: lower-case names, repeated values comma-joined. */
export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "cookie") continue;
    out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

function queryOf(search: URLSearchParams): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const key of new Set(search.keys())) out[key] = search.getAll(key).join(",");
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Builds the event API Gateway HTTP API (payload format 2.0) sends a Lambda integration. */
export function payloadV2Event(input: {
  req: IncomingMessage;
  url: URL;
  body: Buffer;
  match: MatchedRoute;
  /** The authorizer's context; absent on public routes. */
  claims?: Record<string, string>;
}): APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, string>> {
  const { req, url, body, match, claims } = input;
  const headers = headersOf(req);
  const isText = body.length === 0 || TEXT_TYPES.test(headers["content-type"] ?? "");
  const now = new Date();
  const cookies = req.headers.cookie
    ?.split(";")
    .map((c) => c.trim())
    .filter(Boolean);
  const query = queryOf(url.searchParams);
  return {
    version: "2.0",
    routeKey: match.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ""),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.pathParameters).length > 0
      ? { pathParameters: match.pathParameters }
      : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      // Public routes have no authorizer block at all, as on AWS.
      authorizer: (claims ? { integrationLatency: 0, lambda: claims } : undefined) as never,
      domainName: headers.host ?? "localhost",
      domainPrefix: (headers.host ?? "localhost").split(".")[0] ?? "localhost",
      http: {
        method: req.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: match.routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? body.toString("utf8") : body.toString("base64") } : {}),
    isBase64Encoded: !isText,
  };
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Maps a Lambda result back to HTTP as API Gateway does for payload 2.0: a result without
 * `statusCode` is taken as a 200 JSON body.
 */
export function replyFromResult(result: APIGatewayProxyResultV2): HttpReply {
  if (
    typeof result === "string" ||
    result === null ||
    typeof result !== "object" ||
    !("statusCode" in result)
  ) {
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: Buffer.from(JSON.stringify(result)),
    };
  }
  const headers: Record<string, string | string[]> = {
    ...(result.headers as Record<string, string> | undefined),
  };
  if (result.cookies && result.cookies.length > 0) headers["set-cookie"] = result.cookies;
  const raw = result.body ?? "";
  const body = result.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  return { status: result.statusCode ?? 200, headers, body };
}
