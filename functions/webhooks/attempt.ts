import { ulid } from "ulidx";
import {
  type AttemptLog,
  type AttemptSummary,
  afterAttempt,
  claimed,
  type Delivery,
  isDue,
} from "../../shared/webhooks/delivery.ts";
import { liveSecrets, type WebhookEndpoint } from "../../shared/webhooks/endpoint.ts";
import { type AttemptOutcome, attemptOutcome } from "../../shared/webhooks/retry-schedule.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { Send } from "../adapters/webhooks/send.ts";
import { webhookHeaders } from "../adapters/webhooks/sign.ts";
import { refusedTarget } from "../adapters/webhooks/target-guard.ts";
import { attemptTogether, writeTogether } from "../platform/data/unit-of-work.ts";
import { deliveryStep } from "./deliveries.ts";
import { applyHealth } from "./endpoint-health.ts";

/** What an attempt needs from its surroundings; tests pass their own clock. */
export interface AttemptDeps {
  store: Store;
  send: Send;
  /** The local stack's setting: private and loopback targets allowed. */
  allowPrivate: boolean;
  now: () => Date;
}

export interface DeliveryKey {
  tenantId: string;
  endpointId: string;
  id: string;
}

const LOG_DAYS = 30;

function logItem(delivery: Delivery, summary: AttemptSummary, outcome: AttemptLog["outcome"]) {
  const record: AttemptLog = {
    ...summary,
    tenantId: delivery.tenantId,
    endpointId: delivery.endpointId,
    id: ulid(Date.parse(summary.at)),
    deliveryId: delivery.id,
    eventType: delivery.eventType,
    number: delivery.attempts,
    outcome,
  };
  return {
    tenantId: record.tenantId,
    endpointId: record.endpointId,
    id: record.id,
    record,
    expiresAt: Math.floor(Date.parse(summary.at) / 1000) + LOG_DAYS * 86_400,
  };
}

/** Posts the body to the endpoint, signed with every live secret; the guard checks first. */
async function post(
  deps: AttemptDeps,
  endpoint: WebhookEndpoint,
  delivery: Delivery,
  body: string,
  at: Date,
): Promise<{ outcome: AttemptOutcome; summary: AttemptSummary }> {
  const started = performance.now();
  const summaryOf = (statusCode?: number, error?: string): AttemptSummary => ({
    at: at.toISOString(),
    ...(statusCode === undefined ? {} : { statusCode }),
    durationMs: Math.round(performance.now() - started),
    ...(error ? { error } : {}),
  });
  const refused = await refusedTarget(endpoint.url, deps.allowPrivate);
  if (refused) return { outcome: { kind: "failed" }, summary: summaryOf(undefined, refused) };
  const headers = webhookHeaders(liveSecrets(endpoint, at), delivery.id, at, body);
  const answer = await deps.send(endpoint.url, headers, body);
  const outcome = attemptOutcome(answer.statusCode, answer.retryAfter);
  const error =
    answer.error ??
    (outcome.kind === "delivered" ? undefined : `the receiver answered ${answer.statusCode}`);
  return { outcome, summary: summaryOf(answer.statusCode, error) };
}

/**
 * One attempt of a delivery, if it is due: claimed first (a conditional write that counts the
 * attempt and holds the delivery for its lease), then sent, then logged with the delivery's next
 * state. Two workers never send the same due attempt; a worker that dies after sending leaves
 * the delivery due again after the lease, and the repeat carries the same `webhook-id`, which
 * is how the receiver tells it from a new message. Answers the delivery's state afterwards.
 */
export async function attemptDelivery(
  deps: AttemptDeps,
  key: DeliveryKey,
): Promise<Delivery | undefined> {
  const { store } = deps;
  const { data } = await store.entities.webhookDelivery.get(key).go({ consistent: true });
  const at = deps.now();
  if (!data || !isDue(data.record, at)) return data?.record;
  const claim = claimed(data.record, at);
  const taken = await attemptTogether(store, [deliveryStep(data.record, claim)]);
  if (!taken.committed) return undefined;

  const { data: found } = await store.entities.webhookEndpoint
    .get({ tenantId: key.tenantId, id: key.endpointId })
    .go({ consistent: true });
  const endpoint = found?.record;
  const attempt =
    endpoint?.status === "enabled"
      ? await post(deps, endpoint, claim, data.body, at)
      : {
          // Not sent: a disabled or deleted endpoint ends the delivery; a replay starts it again.
          outcome: { kind: "gone" } as const,
          summary: {
            at: at.toISOString(),
            durationMs: 0,
            error: endpoint ? "the endpoint is disabled" : "the endpoint was deleted",
          },
        };
  const after = afterAttempt(claim, attempt.outcome, attempt.summary, deps.now());
  const logged = endpoint?.status === "enabled" ? attempt.outcome.kind : "failed";
  await writeTogether(store, [
    deliveryStep(claim, after),
    { action: (tx) => tx.webhookAttempt.create(logItem(claim, attempt.summary, logged)).commit() },
  ]);
  if (endpoint?.status === "enabled")
    await applyHealth(store, endpoint, attempt.outcome, deps.now());
  return after;
}
