import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { languageOf, problemResponse } from "../../../functions/platform/http/problem.ts";
import { type HttpReply, replyFromResult } from "./payload-v2.ts";

/**
 * Who may call a `/local/*` route besides a holder of the local admin secret:
 * - `webApp`: the web app of the same origin, signed in or not (the sign-in page lists the demo
 *   users before anyone has a token; what it shows is printed in the README anyway);
 * - `cityAdmin`: the web app of the same origin with a signed-in city admin's ID token.
 */
export type LocalAccess = "webApp" | "cityAdmin";

export interface LocalRoute {
  access: LocalAccess;
  handle: () => unknown;
}

/** Loopback names the gateway answers to; anything else may be a DNS-rebound name. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** `host:port` values the gateway accepts in `Host`: loopback with its port, plus public hosts. */
export function allowedHosts(port: number, publicHosts: readonly string[] = []): Set<string> {
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (port === 80) hosts.push(...LOOPBACK_NAMES);
  return new Set([...hosts, ...publicHosts].map((h) => h.toLowerCase()));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function problem(
  req: IncomingMessage,
  status: 403 | 421,
  code: string,
  title: { zh: string; en: string },
) {
  const reply = replyFromResult(
    problemResponse({ status, code, title }, languageOf(header(req, "accept-language"))),
  );
  return { ...reply, headers: { ...reply.headers, "cache-control": "no-store" } };
}

/**
 * DNS rebinding: a page of another site whose name is made to resolve to 127.0.0.1 reaches the
 * gateway as same-origin to itself, but its requests still carry its own name in `Host`.
 */
export function refuseForeignHost(
  req: IncomingMessage,
  hosts: ReadonlySet<string>,
): HttpReply | undefined {
  const host = header(req, "host")?.toLowerCase();
  if (host !== undefined && hosts.has(host)) return undefined;
  return problem(req, 421, "local.unknownHost", {
    zh: "主机名不是本地网关的地址",
    en: "The Host header does not name this local gateway",
  });
}

/** Whether `authorization` is `Bearer <secret>`, compared in constant time. */
export function bearerIs(authorization: string | undefined, secret: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!bearer || secret === "") return false;
  const a = Buffer.from(bearer);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A request the web app made on its own origin. Browsers set `Sec-Fetch-Site` (a header page
 * script cannot set) on requests to localhost; `Origin`, when sent, must be the gateway's own.
 * A non-browser client can fake both, which is why what they unlock alone is public (demo
 * users); mail needs a city admin's token on top. On a plain-http public host browsers send
 * neither header on a same-origin GET, so there the sign-in page simply shows no demo cards.
 */
function fromOwnWebApp(req: IncomingMessage): boolean {
  const site = header(req, "sec-fetch-site");
  const origin = header(req, "origin");
  if (site !== undefined && site !== "same-origin") return false;
  if (origin !== undefined) return origin === `http://${header(req, "host") ?? ""}`;
  return site === "same-origin";
}

/**
 * The gate in front of `/local/*`: the local admin secret (curl, scripts, tests), or the web app
 * of the same origin as the route's access says. `isCityAdmin` verifies a bearer ID token.
 */
export async function refuseLocalCall(
  req: IncomingMessage,
  access: LocalAccess,
  adminSecret: string,
  isCityAdmin: (authorization: string | undefined) => Promise<boolean>,
): Promise<HttpReply | undefined> {
  const authorization = header(req, "authorization");
  if (bearerIs(authorization, adminSecret)) return undefined;
  if (fromOwnWebApp(req)) {
    if (access === "webApp") return undefined;
    if (await isCityAdmin(authorization)) return undefined;
  }
  return problem(req, 403, "local.forbidden", {
    zh: "本地端点仅限本地管理密钥或同源网页中已登录的市级管理员",
    en: "Local endpoints need the local admin secret, or a city admin signed in to the web app of this origin",
  });
}
