import { ulid } from "ulidx";
import type { AuditRecord } from "../../shared/audit/audit-record.ts";
import { type EndpointHealth, endpointHealth } from "../../shared/webhooks/delivery.ts";
import { endpointView, type WebhookEndpoint } from "../../shared/webhooks/endpoint.ts";
import type { AttemptOutcome } from "../../shared/webhooks/retry-schedule.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, auditStep, type WriteStep } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";
import { endpointItem } from "./endpoints.ts";
import { disabledNotice } from "./notice.ts";

/** Re-reads after a concurrent change before giving a health update up. */
const TRIES = 3;

function systemAudit(before: WebhookEndpoint, after: WebhookEndpoint, now: Date): AuditRecord {
  return {
    id: ulid(now.getTime()),
    tenantId: before.tenantId,
    at: now.toISOString(),
    actor: { userId: "system:webhook-delivery", tenantId: before.tenantId, role: "integrator" },
    action: "webhookEndpoint.disable",
    target: { type: "webhookEndpoint", id: before.id },
    before: endpointView(before, now),
    after: endpointView(after, now),
  };
}

/**
 * The endpoint's next state and what goes with it. The failing mark is bookkeeping, not an edit:
 * it keeps the version, so an owner's If-Match stays valid. Disabling is a change the owner sees:
 * a new version, an audit record and a notice by e-mail (through the outbox, in the same unit).
 */
function healthSteps(
  endpoint: WebhookEndpoint,
  health: Exclude<EndpointHealth, { kind: "unchanged" }>,
  now: Date,
): WriteStep[] {
  const { failingSince: _f, ...healthy } = endpoint;
  const changed: WebhookEndpoint =
    health.kind === "recovered"
      ? healthy
      : health.kind === "failingSince"
        ? { ...endpoint, failingSince: health.at }
        : {
            ...healthy,
            status: "disabled",
            disabledReason: health.reason,
            version: endpoint.version + 1,
            updatedAt: now.toISOString(),
          };
  const write: WriteStep = {
    action: (tx) =>
      tx.webhookEndpoint
        .put(endpointItem(changed))
        .where(({ version }, { eq }) => eq(version, endpoint.version))
        .commit(),
  };
  if (health.kind !== "disable") return [write];
  const notice = endpoint.ownerEmail
    ? [outboxStep(endpoint.tenantId, disabledNotice(endpoint, health.reason), now)]
    : [];
  return [write, auditStep(systemAudit(endpoint, changed, now)), ...notice];
}

async function reread(store: Store, e: WebhookEndpoint): Promise<WebhookEndpoint | undefined> {
  const { data } = await store.entities.webhookEndpoint
    .get({ tenantId: e.tenantId, id: e.id })
    .go({ consistent: true });
  return data?.record;
}

/**
 * Applies what an attempt's outcome means for its endpoint (delivery.ts `endpointHealth`). Health
 * is re-derived from the stored endpoint on each try, so concurrent deliveries to one endpoint
 * settle on one answer and disable it once.
 */
export async function applyHealth(
  store: Store,
  seen: WebhookEndpoint,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  let endpoint: WebhookEndpoint | undefined = seen;
  for (let i = 0; i < TRIES && endpoint; i++) {
    const health = endpointHealth(endpoint, outcome, now);
    if (health.kind === "unchanged") return;
    const outcomeOfWrite = await attemptTogether(store, healthSteps(endpoint, health, now));
    if (outcomeOfWrite.committed) return;
    endpoint = await reread(store, endpoint);
  }
}
