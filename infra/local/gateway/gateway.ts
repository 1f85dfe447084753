import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import {
  LOCAL_IDENTITY_CLIENTS_PATH,
  LOCAL_IDENTITY_USERS_PATH,
} from "../../../functions/adapters/identity/local-identity-protocol.ts";
import { AUTHORIZER_CACHE_SECONDS } from "../../../functions/platform/auth/manifest.ts";
import type { Manifest } from "../../../functions/platform/manifest-types.ts";
import type { LocalIdentityProvider } from "../identity/identity-provider.ts";
import type { LocalOidc } from "../identity/oidc/local-oidc.ts";
import { createLambdaContext } from "../runners/lambda-context.ts";
import type { LoadHandler } from "../runners/load-handler.ts";
import { type AuthorizerHandler, callAuthorizer, ResultCache } from "./authorizer-call.ts";
import {
  allowedHosts,
  type LocalRoute,
  refuseForeignHost,
  refuseLocalCall,
} from "./local-guard.ts";
import { type HttpReply, headersOf, payloadV2Event, replyFromResult } from "./payload-v2.ts";
import {
  INTEGRATION_TIMEOUT_SECONDS,
  platformProblem,
  TIMED_OUT,
  within,
} from "./platform-answers.ts";
import { routeTable } from "./route-table.ts";
import { LOCAL_S3_PATH, passToS3 } from "./s3-pass-through.ts";
import { staticFiles } from "./static-files.ts";

/** API Gateway's payload limit; the product's own 1 MB limit is enforced by the handler factory. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  manifest: Manifest;
  identity: LocalIdentityProvider;
  /** The OpenID provider the web app signs in with (authorize page, code exchange, discovery). */
  oidc?: LocalOidc;
  /** Served as `/auth-config.json`: the web app's OIDC settings (a file next to the app on AWS). */
  webAuthConfig?: Record<string, unknown>;
  loadHandler: LoadHandler;
  frontendDir: string;
  /** Extra local-only routes (`GET /local/...`), e.g. demo users, mail capture. */
  localRoutes?: Record<string, LocalRoute>;
  /** The local admin secret: opens every `/local/*` route (and the identity admin endpoint). */
  adminSecret: string;
  /**
   * `Host` values accepted besides loopback with the gateway's port, e.g. `cityrisk.lan:3000`
   * when the stack is reached under another name. Everything else is refused (DNS rebinding).
   */
  publicHosts?: readonly string[];
  /**
   * Seconds an authorizer's success is reused for the same `Authorization` header, as API
   * Gateway's result cache does (default `AUTHORIZER_CACHE_SECONDS`); 0 asks on every request.
   */
  authorizerCacheSeconds?: number;
  /** The S3 emulator's endpoint, reached by browsers under `LOCAL_S3_PATH` (s3-pass-through.ts). */
  s3Endpoint?: string;
  /** API Gateway's integration timeout (default 30 s); tests shorten it. */
  integrationTimeoutSeconds?: number;
  port: number;
  host?: string;
  log?: (line: string) => void;
}

export interface RunningGateway {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpReply {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** API Gateway's own answers when the authorizer refuses a request (its failures: a problem). */
function refusal(status: 401 | 403): HttpReply {
  if (status === 401)
    return json(401, { message: "Unauthorized" }, { "www-authenticate": "Bearer" });
  return json(403, { message: "Forbidden" });
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** How long stopping waits for handlers still running (a timed-out one may never end). */
const DRAIN_MS = 5_000;

/**
 * The local API-Gateway-shaped front door: routes by the manifest, runs the manifest's Lambda
 * authorizer,
 * invokes handlers with payload 2.0 events, and serves the identity provider and the frontend
 * on the same origin (CloudFront's job on AWS).
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const routes = routeTable(options.manifest);
  const serveStatic = staticFiles(options.frontendDir);
  const authorizerFn = options.manifest.find((fn) => fn.authorizer);
  const authorizerCache = new ResultCache(
    (options.authorizerCacheSeconds ?? AUTHORIZER_CACHE_SECONDS) * 1000,
  );
  const integrationTimeoutSeconds =
    options.integrationTimeoutSeconds ?? INTEGRATION_TIMEOUT_SECONDS;
  /** Invocations still running, so stopping waits for them (see `stop`). */
  const inFlight = new Set<Promise<unknown>>();

  async function handle(req: IncomingMessage, url: URL): Promise<HttpReply> {
    const method = req.method ?? "GET";
    const body = await readBody(req);
    if (body === undefined) return json(413, { message: "Request Entity Too Large" });
    if (url.pathname === "/oauth2/token" && method === "POST") {
      const result = await options.identity.token(
        new URLSearchParams(body.toString("utf8")),
        req.headers.authorization,
        req.socket.remoteAddress,
      );
      if ("status" in result) {
        const { status, retryAfterSeconds, ...error } = result;
        return json(status, error, {
          "cache-control": "no-store",
          ...(retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) }),
        });
      }
      return json(200, result, { "cache-control": "no-store" });
    }
    if (url.pathname === "/.well-known/jwks.json" && method === "GET")
      return json(200, options.identity.jwks());
    if (url.pathname === "/auth-config.json" && options.webAuthConfig)
      return json(200, options.webAuthConfig, { "cache-control": "no-store" });
    if (url.pathname === LOCAL_IDENTITY_USERS_PATH) {
      const reply = await options.identity.admin(
        method,
        req.headers.authorization,
        body.toString("utf8"),
      );
      return json(reply.status, reply.body, { "cache-control": "no-store" });
    }
    if (url.pathname === LOCAL_IDENTITY_CLIENTS_PATH) {
      const reply = await options.identity.adminClients(
        method,
        req.headers.authorization,
        body.toString("utf8"),
      );
      return json(reply.status, reply.body, { "cache-control": "no-store" });
    }
    if (url.pathname.startsWith("/local/")) {
      const local = options.localRoutes?.[`${method} ${url.pathname}`];
      if (!local) return json(404, { message: "Not Found" });
      const refused = await refuseLocalCall(req, local.access, options.adminSecret, (auth) =>
        options.identity.isSignedInCityAdmin(auth),
      );
      return refused ?? json(200, await local.handle(), { "cache-control": "no-store" });
    }
    if (!url.pathname.startsWith("/api/")) return serveStatic(url.pathname);

    const match = routes.match(method, url.pathname);
    if (!match) return json(404, { message: "Not Found" });
    const answering = { acceptLanguage: req.headers["accept-language"], path: url.pathname };
    let claims: Record<string, string> | undefined;
    if (match.route.access !== "public") {
      if (!authorizerFn) return json(500, { message: "No authorizer in the manifest" });
      const headers = headersOf(req);
      claims = authorizerCache.get(headers.authorization ?? "");
      if (!claims) {
        const context = createLambdaContext(authorizerFn);
        const outcome = await within(
          options.loadHandler(authorizerFn).then((authorizer) =>
            callAuthorizer(authorizer as AuthorizerHandler, context, {
              headers,
              match,
              rawPath: url.pathname,
              method,
            }),
          ),
          context.getRemainingTimeInMillis(),
        );
        if (outcome === TIMED_OUT || outcome.status === 500) {
          options.log?.(
            `[gateway] authorizer ${outcome === TIMED_OUT ? "timed out" : "failed"} for ${match.routeKey}`,
          );
          return platformProblem("authorizerFailed", answering);
        }
        if (outcome.status !== "allowed") return refusal(outcome.status);
        claims = outcome.context;
        authorizerCache.set(headers.authorization ?? "", claims);
      }
    }
    const event = payloadV2Event({ req, url, body, match, ...(claims ? { claims } : {}) });
    const context = createLambdaContext(match.fn);
    const functionMs = context.getRemainingTimeInMillis();
    const integrationMs = integrationTimeoutSeconds * 1000;
    const failed = (error: unknown) =>
      options.log?.(
        `[gateway] ${match.routeKey} failed: ${(error as Error).stack ?? String(error)}`,
      );
    const invocation = options.loadHandler(match.fn).then((handler) => handler(event, context));
    inFlight.add(invocation);
    void invocation.then(
      () => inFlight.delete(invocation),
      () => inFlight.delete(invocation),
    );
    let result: unknown;
    try {
      result = await within(invocation, Math.min(functionMs, integrationMs));
    } catch (error) {
      failed(error);
      return platformProblem("functionFailed", answering);
    }
    if (result === TIMED_OUT) {
      // Lambda would end the invocation here; locally it runs on in this process, unobserved.
      invocation.catch(failed);
      options.log?.(
        `[gateway] ${match.routeKey} timed out after ${Math.min(functionMs, integrationMs)} ms`,
      );
      return platformProblem(
        functionMs < integrationMs ? "functionTimedOut" : "integrationTimedOut",
        answering,
      );
    }
    return replyFromResult(result as APIGatewayProxyResultV2);
  }

  let hosts = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const foreign = refuseForeignHost(req, hosts);
    if (!foreign && options.s3Endpoint && url.pathname.startsWith(`${LOCAL_S3_PATH}/`)) {
      passToS3(req, res, url, options.s3Endpoint).catch((error: unknown) => {
        options.log?.(`[gateway] s3 ${String(error)}`);
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end();
      });
      return;
    }
    if (!foreign && options.oidc?.handles(url.pathname)) {
      // The provider answers on the raw request (it reads its own bodies and sets cookies).
      options.oidc
        .handle(req, res, req.socket.remoteAddress ?? "unknown")
        .catch((error: unknown) => {
          options.log?.(`[gateway] oidc ${String(error)}`);
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end();
        });
      return;
    }
    (foreign ? Promise.resolve(foreign) : handle(req, url))
      .then((reply) => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      })
      .catch((error: unknown) => {
        options.log?.(`[gateway] ${String(error)}`);
        const reply = platformProblem("functionFailed", {
          acceptLanguage: req.headers["accept-language"],
          path: url.pathname,
        });
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port, options.publicHosts);
  return {
    server,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      // A handler whose caller hung up still runs: let it finish (a while at most) before the
      // stack restores the environment it reads, or it fails on a missing setting.
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
      ]);
    },
  };
}
