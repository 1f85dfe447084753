import { describe, expect, it } from "vitest";
import { parseJurisdiction } from "../tenancy/claims.ts";
import {
  ATTEMPT_LEASE_MS,
  afterAttempt,
  claimed,
  endpointHealth,
  isDue,
  newDelivery,
  replayed,
} from "./delivery.ts";
import { liveSecrets, rotatedSecrets, SECRET_GRACE_MS } from "./endpoint.ts";
import { keepsEndpoint } from "./endpoint-reach.ts";
import { WEBHOOK_FAILING_DISABLE_MS } from "./retry-schedule.ts";

const t0 = new Date("2026-12-04T00:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const summary = { at: t0.toISOString(), durationMs: 12 };
const event = { id: "01EVENT", type: "warning.raised", occurredAt: t0.toISOString() };

describe("a delivery's life", () => {
  it("is due at once, held while an attempt runs, and follows the schedule after failures", () => {
    let d = newDelivery("t-a", "ep", event, t0);
    expect(isDue(d, t0)).toBe(true);
    const delays: number[] = [];
    let now = t0;
    for (;;) {
      const c = claimed(d, now);
      expect(isDue(c, later(now.getTime() - t0.getTime() + ATTEMPT_LEASE_MS - 1))).toBe(false);
      d = afterAttempt(c, { kind: "failed" }, summary, now);
      if (d.status !== "pending") break;
      const next = Date.parse(d.nextAttemptAt);
      delays.push(next - now.getTime());
      now = new Date(next);
    }
    expect(delays).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 36e6]);
    expect(d).toMatchObject({ status: "failed", attempts: 8, nextAttemptAt: "" });
  });

  it("keeps its id across attempts and replays, and a replay starts the schedule afresh", () => {
    const failed = afterAttempt(
      claimed(newDelivery("t-a", "ep", event, t0), t0),
      { kind: "gone" },
      summary,
      t0,
    );
    expect(failed).toMatchObject({ id: "01EVENT", status: "failed", nextAttemptAt: "" });
    const again = replayed(failed, later(1000));
    expect(again).toMatchObject({
      id: "01EVENT",
      status: "pending",
      roundAttempts: 0,
      attempts: 1,
    });
    expect(isDue(again, later(1000))).toBe(true);
    const delivered = afterAttempt(
      claimed(again, later(1000)),
      { kind: "delivered" },
      summary,
      later(1000),
    );
    expect(delivered).toMatchObject({ status: "delivered", attempts: 2, nextAttemptAt: "" });
  });

  it("waits as long as a receiver's Retry-After asks when that is longer than the schedule", () => {
    const c = claimed(newDelivery("t-a", "ep", event, t0), t0);
    const d = afterAttempt(c, { kind: "failed", retryAfterMs: 120_000 }, summary, t0);
    expect(Date.parse(d.nextAttemptAt)).toBe(t0.getTime() + 120_000);
  });
});

describe("an endpoint's health", () => {
  const enabled = { status: "enabled" };
  it("marks the first failure, disables after 5 days without success or at once on 410", () => {
    expect(endpointHealth(enabled, { kind: "failed" }, t0)).toEqual({
      kind: "failingSince",
      at: t0.toISOString(),
    });
    const failing = { ...enabled, failingSince: t0.toISOString() };
    expect(
      endpointHealth(failing, { kind: "failed" }, later(WEBHOOK_FAILING_DISABLE_MS - 1)),
    ).toEqual({
      kind: "unchanged",
    });
    expect(endpointHealth(failing, { kind: "failed" }, later(WEBHOOK_FAILING_DISABLE_MS))).toEqual({
      kind: "disable",
      reason: "failing",
    });
    expect(endpointHealth(failing, { kind: "delivered" }, t0)).toEqual({ kind: "recovered" });
    expect(endpointHealth(enabled, { kind: "gone" }, t0)).toEqual({
      kind: "disable",
      reason: "gone",
    });
    expect(endpointHealth({ status: "disabled" }, { kind: "gone" }, t0)).toEqual({
      kind: "unchanged",
    });
  });
});

describe("secret rotation", () => {
  it("signs with both secrets during the grace period, then with the new one alone", () => {
    const secrets = rotatedSecrets({ secrets: [{ secret: "whsec_old" }] }, "whsec_new", t0);
    expect(liveSecrets({ secrets }, later(SECRET_GRACE_MS - 1))).toEqual([
      "whsec_new",
      "whsec_old",
    ]);
    expect(liveSecrets({ secrets }, later(SECRET_GRACE_MS))).toEqual(["whsec_new"]);
  });
});

describe("who keeps an endpoint", () => {
  const city = { kind: "jurisdiction", jurisdiction: parseJurisdiction("*") } as const;
  const chaoyang = { kind: "jurisdiction", jurisdiction: parseJurisdiction("d:110105") } as const;

  it("an enterprise its own tenant's; a government caller those of its body within its jurisdiction", () => {
    const own = { tenantId: "t-a", reach: { kind: "tenant", tenantId: "t-a" } } as const;
    expect(keepsEndpoint({ kind: "tenant", tenantId: "t-a" }, own)).toBe(true);
    expect(keepsEndpoint({ kind: "tenant", tenantId: "t-b" }, own)).toBe(false);
    const citywide = { tenantId: "t-gov", reach: city };
    expect(keepsEndpoint({ ...city, tenantId: "t-gov" }, citywide)).toBe(true);
    expect(keepsEndpoint({ ...chaoyang, tenantId: "t-gov" }, citywide)).toBe(false);
    expect(
      keepsEndpoint({ ...city, tenantId: "t-gov" }, { tenantId: "t-gov", reach: chaoyang }),
    ).toBe(true);
    expect(keepsEndpoint({ ...city, tenantId: "t-other" }, citywide)).toBe(false);
  });
});
