import { randomBytes } from "node:crypto";
import { ulid } from "ulidx";
import { DomainError, type ErrorCode, NotFoundError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import {
  type EndpointCreateInput,
  type EndpointSecretView,
  type EndpointUpdateInput,
  type EndpointView,
  endpointView,
  rotatedSecrets,
  type WebhookEndpoint,
} from "../../shared/webhooks/endpoint.ts";
import { keepsEndpoint, reachOf } from "../../shared/webhooks/endpoint-reach.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { refusedTarget } from "../adapters/webhooks/target-guard.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { config } from "../platform/config.ts";
import {
  auditStep,
  type RequestIdentity,
  writeOnce,
  writeTogether,
} from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";

export class WebhookNotFoundError extends NotFoundError {
  override readonly code: ErrorCode = "webhook.notFound";
}

/** A URL the product will not call (SSRF guard), with the reason. */
export class WebhookTargetError extends DomainError {
  readonly code: ErrorCode = "webhook.invalidTarget";
  constructor(reason: string) {
    super({ zh: `不接受该接收地址：${reason}`, en: `The URL is not accepted: ${reason}` }, [
      {
        path: "body.url",
        code: "webhook.invalidTarget",
        message: { zh: `不接受该接收地址：${reason}`, en: `The URL is not accepted: ${reason}` },
      },
    ]);
  }
}

export function endpointNotFound(): WebhookNotFoundError {
  return new WebhookNotFoundError({ zh: "接收地址不存在", en: "No such webhook endpoint" });
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function endpointItem(endpoint: WebhookEndpoint) {
  return {
    tenantId: endpoint.tenantId,
    id: endpoint.id,
    version: endpoint.version,
    record: endpoint,
  };
}

/** Refuses private, loopback and link-local targets unless the setting allows them (local stack). */
async function checkTarget(url: string): Promise<void> {
  const refused = await refusedTarget(url, config().webhookPrivateTargets);
  if (refused) throw new WebhookTargetError(refused);
}

/** The endpoint if the caller keeps it; 404 otherwise, never telling whether it exists. */
export async function keptEndpoint(
  store: Store,
  scope: Scope,
  id: string,
): Promise<WebhookEndpoint> {
  const { data } = await store.entities.webhookEndpoint
    .get({ tenantId: scope.tenantId, id })
    .go({ consistent: true });
  if (!data || !keepsEndpoint(scope, data.record)) throw endpointNotFound();
  return data.record;
}

/** The audit step of a change; the images leave the secrets out. */
function audited(
  caller: Caller,
  action: string,
  before: WebhookEndpoint | undefined,
  after: WebhookEndpoint,
  now: Date,
) {
  return auditStep(
    auditRecord(
      caller,
      {
        tenantId: after.tenantId,
        action,
        target: { type: "webhookEndpoint", id: after.id },
        ...(before ? { before: endpointView(before, now) } : {}),
        after: endpointView(after, now),
      },
      now,
    ),
  );
}

/** Registers an endpoint; its reach is fixed from the caller's scope. The secret is answered once. */
export async function createEndpoint(
  store: Store,
  caller: Caller,
  scope: Scope,
  input: EndpointCreateInput,
  request: RequestIdentity | undefined,
  now = new Date(),
): Promise<EndpointSecretView> {
  const reach = reachOf(scope);
  if (!reach) throw endpointNotFound();
  await checkTarget(input.url);
  const at = now.toISOString();
  const endpoint: WebhookEndpoint = {
    tenantId: scope.tenantId,
    // Named by its tenant, as the product's other ids: a tampered id names another partition.
    id: `${scope.tenantId}~${ulid(now.getTime())}`,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    eventTypes: [...new Set(input.eventTypes)],
    ...(input.filters ? { filters: input.filters } : {}),
    reach,
    status: "enabled",
    secrets: [{ secret: newSecret() }],
    ...(caller.email ? { ownerEmail: caller.email } : {}),
    createdBy: caller.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const written = await writeOnce(
    store,
    [
      { action: (tx) => tx.webhookEndpoint.create(endpointItem(endpoint)).commit() },
      audited(caller, "webhookEndpoint.create", undefined, endpoint, now),
    ],
    request,
    endpoint.id,
    now,
  );
  const stored = written.replayed ? await keptEndpoint(store, scope, written.resultId) : endpoint;
  return { ...endpointView(stored, now), secret: stored.secrets[0]?.secret ?? "" };
}

export async function listEndpoints(
  store: Store,
  scope: Scope,
  cursor: string | undefined,
  limit: number,
  now = new Date(),
): Promise<Page<EndpointView>> {
  const result = await store.entities.webhookEndpoint.query
    .byTenant({ tenantId: scope.tenantId })
    .go({ cursor: cursor ?? null, limit });
  return {
    items: result.data
      .map((d) => d.record)
      .filter((e) => keepsEndpoint(scope, e))
      .map((e) => endpointView(e, now)),
    nextCursor: result.cursor ?? null,
  };
}

/** Writes a changed endpoint if its version is still the one read, with its audit record. */
async function saveChanged(
  store: Store,
  caller: Caller,
  action: string,
  before: WebhookEndpoint,
  after: WebhookEndpoint,
  now: Date,
): Promise<void> {
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.webhookEndpoint
          .put(endpointItem(after))
          .where(({ version }, { eq }) => eq(version, before.version))
          .commit(),
      onConflict: staleVersion,
    },
    audited(caller, action, before, after, now),
  ]);
}

/** Changes an endpoint (If-Match). Enabling clears its failing mark: it starts afresh. */
export async function updateEndpoint(
  store: Store,
  caller: Caller,
  scope: Scope,
  id: string,
  input: EndpointUpdateInput,
  expectedVersion: number,
  now = new Date(),
): Promise<EndpointView> {
  const endpoint = await keptEndpoint(store, scope, id);
  if (endpoint.version !== expectedVersion) throw staleVersion();
  if (input.url !== undefined) await checkTarget(input.url);
  const { disabledReason: _reason, failingSince: _failing, ...rest } = endpoint;
  const status = input.status ?? endpoint.status;
  const changed: WebhookEndpoint = {
    ...(status === "enabled" ? rest : endpoint),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.eventTypes === undefined ? {} : { eventTypes: [...new Set(input.eventTypes)] }),
    ...(input.filters === undefined ? {} : { filters: input.filters }),
    status,
    ...(status === "disabled" && endpoint.status === "enabled"
      ? { disabledReason: "manual" as const }
      : {}),
    version: endpoint.version + 1,
    updatedAt: now.toISOString(),
  };
  await saveChanged(store, caller, "webhookEndpoint.update", endpoint, changed, now);
  return endpointView(changed, now);
}

/** A new secret; the current one keeps signing for the grace period. */
export async function rotateSecret(
  store: Store,
  caller: Caller,
  scope: Scope,
  id: string,
  now = new Date(),
): Promise<EndpointSecretView> {
  const endpoint = await keptEndpoint(store, scope, id);
  const secret = newSecret();
  const changed: WebhookEndpoint = {
    ...endpoint,
    secrets: rotatedSecrets(endpoint, secret, now),
    version: endpoint.version + 1,
    updatedAt: now.toISOString(),
  };
  await saveChanged(store, caller, "webhookEndpoint.rotateSecret", endpoint, changed, now);
  return { ...endpointView(changed, now), secret };
}

export async function deleteEndpoint(
  store: Store,
  caller: Caller,
  scope: Scope,
  id: string,
  now = new Date(),
): Promise<void> {
  const endpoint = await keptEndpoint(store, scope, id);
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.webhookEndpoint
          .delete({ tenantId: endpoint.tenantId, id: endpoint.id })
          .where(({ version }, { eq }) => eq(version, endpoint.version))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(
      auditRecord(
        caller,
        {
          tenantId: endpoint.tenantId,
          action: "webhookEndpoint.delete",
          target: { type: "webhookEndpoint", id: endpoint.id },
          before: endpointView(endpoint, now),
        },
        now,
      ),
    ),
  ]);
}
