import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from "aws-lambda";
import * as z from "zod";
import type { Contract, ParsedRequest, SuccessInput } from "../../../shared/contracts/route.ts";
import { ForbiddenError } from "../../../shared/errors.ts";
import { type Caller, CLAIM, callerFromClaims } from "../../../shared/tenancy/claims.ts";
import { type IntegratorScope, oauthScope } from "../../../shared/tenancy/integrator-client.ts";
import { type Scope, scopeOf } from "../../../shared/tenancy/scope.ts";
import { instrumented, tagTenant } from "../handlers/instrumentation.ts";
import { type FunctionDefinition, type HttpRoute, routeKey, routesOf } from "../manifest-types.ts";
import { logger } from "../powertools.ts";
import { withLambdaContext } from "./invocation-context.ts";
import {
  isDomainError,
  type Language,
  languageOf,
  problemFromDomainError,
  problemResponse,
} from "./problem.ts";
import { limitIntegrators } from "./rate-limit.ts";
import { parseRequest } from "./request-parts.ts";

/** Payload 2.0 with the claims the API's authorizer (functions/platform/auth) put in its context. */
export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, string>>;

export interface RouteContext<R extends HttpRoute> extends ParsedRequest<R> {
  /** Undefined only on public routes. */
  caller: R["access"] extends "public" ? Caller | undefined : Caller;
  /** What the caller may reach (shared/tenancy/scope.ts); undefined only on public routes. */
  scope: R["access"] extends "public" ? Scope | undefined : Scope;
  headers: Readonly<Record<string, string | undefined>>;
  language: Language;
  event: HttpEvent;
}

/** A handler's answer; a route's handler answers the body its success schema accepts. */
export interface RouteResult<Body = unknown> {
  status?: number;
  body?: Body;
  headers?: Record<string, string>;
  /** A non-JSON body (HTML, CSV, ...), sent as is with its content type. */
  raw?: { body: string; contentType: string; base64?: boolean };
}

export type RouteHandler<R extends HttpRoute> = (
  ctx: RouteContext<R>,
) => Promise<RouteResult<SuccessInput<R>>>;

/**
 * A contract's implementation: one handler per route name. A missing name, or one the contract
 * does not declare, fails to compile.
 */
export type Implementation<C extends Contract> = { [K in keyof C]: RouteHandler<C[K]> };

export interface RouteBinding {
  route: HttpRoute;
  handle: (ctx: RouteContext<HttpRoute>) => Promise<RouteResult>;
}

/** Binds each route of a contract to its implementation, keeping the route's schema types. */
export function implement<const C extends Contract>(
  contract: C,
  implementation: Implementation<C>,
): RouteBinding[] {
  // The compiler already refuses these; the check keeps a cast or plain JS caller honest too.
  const missing = Object.keys(contract).filter((name) => !(name in implementation));
  const extra = Object.keys(implementation).filter((name) => !(name in contract));
  if (missing.length + extra.length > 0) {
    throw new Error(
      `implementation does not match its contract: missing [${missing}], extra [${extra}]`,
    );
  }
  return Object.entries(contract).map(([name, route]) => ({
    route,
    handle: implementation[name as keyof C] as unknown as RouteBinding["handle"],
  }));
}

/** Whether a client-credentials `scope` claim holds the integrator scope. */
function grants(scopeClaim: string | undefined, scope: IntegratorScope): boolean {
  return (scopeClaim ?? "").split(" ").includes(oauthScope(scope));
}

function authorize(
  route: HttpRoute,
  event: HttpEvent,
): { caller: Caller; scope: Scope } | undefined {
  if (route.access === "public") return undefined;
  const claims = event.requestContext.authorizer?.lambda ?? {};
  let caller: Caller;
  try {
    caller = callerFromClaims(claims);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new ForbiddenError({
        zh: "令牌缺少租户或角色信息",
        en: "Token lacks tenant or role claims",
      });
    }
    throw error;
  }
  if (!route.access.roles.includes(caller.role)) {
    throw new ForbiddenError({
      zh: "当前角色无权访问该接口",
      en: "Your role may not use this route",
    });
  }
  const writes = route.method !== "GET" && !route.readOnly;
  if (caller.role === "integrator" && writes && !grants(claims.scope, "write")) {
    throw new ForbiddenError({
      zh: "该对接系统未获写入授权",
      en: "This integrator is not registered for write access",
    });
  }
  tagTenant(caller.tenantId);
  logger.appendKeys({ role: caller.role });
  const jurisdictionClaim = claims[CLAIM.jurisdiction];
  return {
    caller,
    scope: scopeOf(caller, typeof jurisdictionClaim === "string" ? jurisdictionClaim : ""),
  };
}

function shape(result: RouteResult): APIGatewayProxyStructuredResultV2 {
  if (result.raw) {
    return {
      statusCode: result.status ?? 200,
      headers: { "content-type": result.raw.contentType, ...result.headers },
      body: result.raw.body,
      isBase64Encoded: result.raw.base64 ?? false,
    };
  }
  return {
    statusCode: result.status ?? 200,
    headers: { "content-type": "application/json; charset=utf-8", ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}

async function dispatch(
  bindings: ReadonlyMap<string, RouteBinding>,
  event: HttpEvent,
): Promise<APIGatewayProxyStructuredResultV2> {
  const language = languageOf(event.headers["accept-language"]);
  const binding = bindings.get(event.routeKey);
  if (!binding) {
    return problemResponse(
      { status: 404, code: "route.notFound", title: { zh: "接口不存在", en: "No such route" } },
      language,
    );
  }
  try {
    const who = authorize(binding.route, event);
    await limitIntegrators(who?.caller);
    const parsed = parseRequest(binding.route, event);
    const result = await binding.handle({
      caller: who?.caller,
      scope: who?.scope,
      ...parsed,
      headers: event.headers,
      language,
      event,
    } as RouteContext<HttpRoute>);
    return shape(result);
  } catch (error) {
    if (isDomainError(error)) {
      return problemResponse(
        { ...problemFromDomainError(error), instance: event.rawPath },
        language,
      );
    }
    logger.error("unhandled error", { error: error as Error });
    return problemResponse(
      {
        status: 500,
        code: "internal",
        title: { zh: "服务器内部错误", en: "Internal server error" },
        instance: event.rawPath,
      },
      language,
    );
  }
}

/**
 * The one factory every HTTP function is built with: the shared chain (tracer → logger →
 * metrics, the function's configuration checked; handlers/instrumentation.ts), then
 * authorize → validate → handle → shape, with every failure as RFC 9457 problem+json. The
 * invocation's Lambda context goes to idempotency, whose in-progress records expire with it.
 */
export function httpHandler(definition: FunctionDefinition, bindings: readonly RouteBinding[]) {
  const declared = new Set(routesOf(definition).map(routeKey));
  const byKey = new Map<string, RouteBinding>();
  for (const binding of bindings) {
    const key = routeKey(binding.route);
    if (!declared.has(key))
      throw new Error(`${definition.id}: route ${key} is not in its manifest entry`);
    byKey.set(key, binding);
  }
  for (const key of declared) {
    if (!byKey.has(key))
      throw new Error(`${definition.id}: manifest route ${key} has no implementation`);
  }
  return instrumented<HttpEvent, APIGatewayProxyStructuredResultV2>(definition).handler(
    (event, context) => withLambdaContext(context, () => dispatch(byKey, event)),
  );
}
