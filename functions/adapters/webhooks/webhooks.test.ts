import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  attemptOutcome,
  nextAttemptAt,
  WEBHOOK_RETRY_DELAYS_MS,
} from "../../../shared/webhooks/retry-schedule.ts";
import { isPublicAddress } from "./address-guard.ts";
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
