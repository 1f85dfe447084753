import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  attemptOutcome,
  nextAttemptAt,
  WEBHOOK_RETRY_DELAYS_MS,
} from "../../../shared/webhooks/retry-schedule.ts";
import { isPublicAddress } from "./address-guard.ts";
import { guardedLookup, type Resolver, webhookSender } from "./send.ts";
import { webhookHeaders } from "./sign.ts";
import { refusedTarget } from "./target-guard.ts";

describe("SSRF guard", () => {
  it.each([
    "10.1.2.3",
    "127.0.0.1",
    "169.254.169.254",
    "172.20.0.1",
    "192.168.1.1",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("allows %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("checks every address a name resolves to", async () => {
    const mixed = async () => ["93.184.216.34", "10.0.0.5"];
    const publicOnly = async () => ["93.184.216.34"];
    expect(await refusedTarget("https://hooks.example.com/x", false, mixed)).toMatch(/10\.0\.0\.5/);
    expect(await refusedTarget("https://hooks.example.com/x", false, publicOnly)).toBeUndefined();
    expect(await refusedTarget("https://[::1]/x", false, async (h) => [h])).toMatch(/non-public/);
  });

  it("refuses http and credentials on AWS, allows private http targets locally", async () => {
    const publicOnly = async () => ["93.184.216.34"];
    expect(await refusedTarget("http://hooks.example.com/x", false, publicOnly)).toMatch(/https/);
    expect(await refusedTarget("https://u:p@hooks.example.com/", false, publicOnly)).toMatch(
      /credentials/,
    );
    expect(await refusedTarget("http://127.0.0.1:9999/hook", true)).toBeUndefined();
  });
});

describe("webhook sender", () => {
  interface Received {
    method?: string;
    path?: string;
    headers: IncomingHttpHeaders;
    body: string;
  }
  const received: Received[] = [];
  const silent: ServerResponse[] = [];
  // A receiver on loopback: the address a rebinding DNS name would smuggle a request to.
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ method: req.method, path: req.url, headers: req.headers, body });
      if (req.url === "/moved") {
        res.writeHead(301, { location: `${base()}/hook`, "retry-after": "120" });
        res.end("moved");
      } else if (req.url === "/silent") {
        silent.push(res);
      } else {
        res.writeHead(202).end();
      }
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  const base = () => `http://127.0.0.1:${port()}`;
  const headers = { "content-type": "application/json", "webhook-id": "evt_1" };

  /** A DNS server answering what the test says, as a rebinding attacker's would. */
  const resolver =
    (...addresses: string[]): Resolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const res of silent) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  it("refuses a name that resolves to loopback at connect time, sending nothing", async () => {
    const send = webhookSender({ allowPrivate: false, lookup: resolver("127.0.0.1") });
    const answer = await send(`http://rebind.example:${port()}/hook`, headers, "{}");
    expect(answer).toEqual({
      error: "the host resolves to a non-public address (127.0.0.1)",
    });
    expect(received).toEqual([]);
  });

  it("refuses a name with one public and one private address", async () => {
    const send = webhookSender({
      allowPrivate: false,
      lookup: resolver("93.184.216.34", "169.254.169.254"),
    });
    const answer = await send(`http://rebind.example:${port()}/hook`, headers, "{}");
    expect(answer.error).toMatch(/non-public address \(169\.254\.169\.254\)/);
    expect(received).toEqual([]);
  });

  it("refuses a private IP literal, which Node connects to without a lookup", async () => {
    const send = webhookSender({ allowPrivate: false, lookup: resolver("93.184.216.34") });
    const answer = await send(`${base()}/hook`, headers, "{}");
    expect(answer.error).toMatch(/non-public address \(127\.0\.0\.1\)/);
    expect(received).toEqual([]);
  });

  it("hands the socket the checked address, in both forms of the lookup callback", async () => {
    const lookup = guardedLookup(resolver("93.184.216.34", "2606:4700:4700::1111"));
    const call = (options: Parameters<LookupFunction>[1]) =>
      new Promise<unknown[]>((resolve) =>
        lookup("hooks.example.com", options, (...args) => resolve(args)),
      );
    expect(await call({ all: true })).toEqual([
      null,
      [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700:4700::1111", family: 6 },
      ],
    ]);
    expect(await call({ all: false, family: 6 })).toEqual([null, "2606:4700:4700::1111", 6]);
    expect(await call({})).toEqual([null, "93.184.216.34", 4]);
    const refused = guardedLookup(resolver("10.0.0.5"));
    const [denied] = await new Promise<unknown[]>((resolve) =>
      refused("hooks.example.com", { all: true }, (...args) => resolve(args)),
    );
    expect(denied).toBeInstanceOf(Error);
    expect((denied as Error).message).toMatch(/non-public address \(10\.0\.0\.5\)/);
  });

  it("posts the body and headers to a private target on the local stack", async () => {
    const send = webhookSender({ allowPrivate: true });
    const answer = await send(`${base()}/hook`, headers, '{"id":"evt_1"}');
    expect(answer).toEqual({ statusCode: 202 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "POST",
      path: "/hook",
      body: '{"id":"evt_1"}',
      headers: {
        "content-type": "application/json",
        "webhook-id": "evt_1",
        "user-agent": "CityRisk-Webhooks/1",
      },
    });
  });

  it("returns a redirect as its status code without following it, with retry-after", async () => {
    const send = webhookSender({ allowPrivate: true });
    const answer = await send(`${base()}/moved`, headers, "{}");
    expect(answer).toEqual({ statusCode: 301, retryAfter: "120" });
    expect(received.map((r) => r.path)).toEqual(["/moved"]);
  });

  it("gives up on a receiver that never answers", async () => {
    const send = webhookSender({ allowPrivate: true, timeoutMs: 100 });
    const answer = await send(`${base()}/silent`, headers, "{}");
    expect(answer).toEqual({ error: "no answer within 0.1 s" });
  });

  it("reports a connection failure as an error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const answer = await webhookSender({ allowPrivate: true })(
      `http://127.0.0.1:${closedPort}/hook`,
      headers,
      "{}",
    );
    expect(answer.error).toMatch(/ECONNREFUSED/);
  });
});

describe("Standard Webhooks signing", () => {
  const oldSecret = `whsec_${Buffer.from("o".repeat(32)).toString("base64")}`;
  const newSecret = `whsec_${Buffer.from("n".repeat(32)).toString("base64")}`;

  it("signs with both secrets during rotation so either verifies", () => {
    const body = JSON.stringify({ id: "evt_1", type: "warning.raised" });
    const headers = webhookHeaders([newSecret, oldSecret], "evt_1", new Date(), body);
    expect(headers["webhook-id"]).toBe("evt_1");
    for (const secret of [oldSecret, newSecret]) {
      expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    }
    const other = `whsec_${Buffer.from("x".repeat(32)).toString("base64")}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
  });
});

describe("retry schedule", () => {
  const now = new Date("2026-12-04T00:00:00Z");

  it("follows at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and then stops", () => {
    const delays = WEBHOOK_RETRY_DELAYS_MS.slice(1).map(
      (_, i) => (nextAttemptAt(i + 1, now)?.getTime() ?? 0) - now.getTime(),
    );
    expect(delays).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6]);
    expect(nextAttemptAt(WEBHOOK_RETRY_DELAYS_MS.length, now)).toBeNull();
  });

  it("honours a longer Retry-After, disables on 410 and succeeds on any 2xx", () => {
    expect(attemptOutcome(204)).toEqual({ kind: "delivered" });
    expect(attemptOutcome(410)).toEqual({ kind: "gone" });
    expect(attemptOutcome(undefined)).toEqual({ kind: "failed" });
    const outcome = attemptOutcome(503, "600");
    expect(outcome).toEqual({ kind: "failed", retryAfterMs: 600_000 });
    const at = nextAttemptAt(1, now, 600_000);
    expect(at?.getTime()).toBe(now.getTime() + 600_000);
  });
});
