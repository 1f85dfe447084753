import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { WEBHOOK_TIMEOUT_MS } from "../../../shared/webhooks/retry-schedule.ts";
import { isPublicAddress } from "./address-guard.ts";

/** What a receiver answered, or why there was no answer. */
export interface SendResult {
  statusCode?: number;
  retryAfter?: string;
  error?: string;
}

export type Send = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<SendResult>;

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to; injectable so tests can play a rebinding DNS server. */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>;

export interface WebhookSenderOptions {
  /** The local stack's setting: private and loopback targets allowed, so no guard at all. */
  allowPrivate: boolean;
  lookup?: Resolver;
  /** The whole request's deadline; tests shorten it. */
  timeoutMs?: number;
}

const resolveAll: Resolver = (host) => dnsLookup(host, { all: true });

function familyNumber(family: number | "IPv4" | "IPv6" | undefined): number {
  if (family === "IPv4") return 4;
  if (family === "IPv6") return 6;
  return family ?? 0;
}

function nonPublicError(address: string): Error {
  return new Error(`the host resolves to a non-public address (${address})`);
}

/**
 * The socket's own name resolution, refusing non-public addresses. The guard before the attempt
 * (`refusedTarget`) resolves the name separately, so a DNS server answering a public address to
 * it and a private one here (DNS rebinding) would otherwise reach the metadata service or
 * localhost. Every address is checked, not only the one used, as `refusedTarget` does.
 */
export function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const denied = found.find((a) => !isPublicAddress(a.address));
        if (denied) return callback(nonPublicError(denied.address), "");
        const family = familyNumber(options.family);
        const usable = family === 0 ? found : found.filter((a) => a.family === family);
        const first = usable[0];
        if (!first) return callback(new Error(`${hostname} does not resolve`), "");
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily, the default
        // since Node 20), and for one otherwise.
        if (options.all) {
          callback(null, [...usable]);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ""),
    );
  };
}

/** An error's text; Node's happy-eyeballs failures are AggregateErrors with an empty message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map(describe).join("; ") || error.name;
  }
  return error.message || error.name;
}

/**
 * Builds the webhook sender. Redirects are not followed (a 3xx is just a status code): following
 * one would let a public host bounce the request to a private address past the guard. The
 * answer's body is never read: only the status and `retry-after` matter.
 */
export function webhookSender(options: WebhookSenderOptions): Send {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const lookup = options.allowPrivate ? undefined : guardedLookup(options.lookup ?? resolveAll);
  return (url, headers, body) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ error: "not a URL" });
    }
    // https-only on AWS is `refusedTarget`'s rule; the sender only needs a protocol it can speak.
    const request =
      target.protocol === "https:"
        ? httpsRequest
        : target.protocol === "http:"
          ? httpRequest
          : undefined;
    if (!request) return Promise.resolve({ error: `unsupported protocol ${target.protocol}` });
    // Node connects to an IP literal without calling `lookup`, so the guard above never sees it.
    // `refusedTarget` refuses such URLs before every attempt; checking here as well keeps this
    // sender safe on its own.
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (lookup && isIP(literal) && !isPublicAddress(literal)) {
      return Promise.resolve({ error: nonPublicError(literal).message });
    }

    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const req = request(
        target,
        {
          method: "POST",
          headers: {
            ...headers,
            "user-agent": "CityRisk-Webhooks/1",
            "content-length": String(Buffer.byteLength(body)),
          },
          // A pooled keep-alive socket could have been opened by another sender without the
          // guard; a fresh connection per attempt always goes through this sender's lookup.
          agent: false,
          ...(lookup ? { lookup } : {}),
        },
        (response) => {
          const retryAfter = response.headers["retry-after"];
          finish({ statusCode: response.statusCode, ...(retryAfter ? { retryAfter } : {}) });
          // Closes the connection instead of reading a body a receiver could make endless.
          response.destroy();
        },
      );
      // Covers connecting, sending and waiting for the answer's head, like fetch's abort signal.
      const timer = setTimeout(() => {
        finish({ error: `no answer within ${timeoutMs / 1000} s` });
        req.destroy();
      }, timeoutMs);
      req.on("error", (error) => finish({ error: describe(error) }));
      req.end(body);
    });
  };
}
