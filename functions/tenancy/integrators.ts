import type { Caller } from "../../shared/tenancy/claims.ts";
import { formatJurisdiction } from "../../shared/tenancy/claims.ts";
import {
  type IntegratorClient,
  type IntegratorCreated,
  type IntegratorCreateInput,
  type IntegratorPatchInput,
  oauthScope,
} from "../../shared/tenancy/integrator-client.ts";
import {
  isJurisdiction,
  jurisdictionWithin,
  parseKnownJurisdiction,
} from "../../shared/tenancy/membership.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { Page } from "../../shared/tenancy/views.ts";
import { identityAdmin } from "../adapters/identity/identity-admin-from-config.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { setting } from "../platform/config.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { notFound, TenancyInvalidError } from "./errors.ts";
import { managedTenant, storeFor } from "./users.ts";

function invalid(path: string, zh: string, en: string): TenancyInvalidError {
  return new TenancyInvalidError("integrator.invalidRegistration", path, { zh, en });
}

/**
 * What an integrator of the tenant reads: an enterprise's system its own enterprise (no
 * jurisdiction claim, so its scope is the tenant); a government platform a jurisdiction within
 * its body's, the whole of it when none is named. Assessment agencies have no integrators.
 */
export function integratorJurisdiction(tenant: Tenant, requested: string | undefined): string {
  if (tenant.kind === "enterprise") {
    if (requested)
      throw invalid(
        "body.jurisdiction",
        "企业的对接系统只能访问本企业数据，不能指定管辖范围",
        "An enterprise's system reads its own enterprise only; no jurisdiction may be named",
      );
    return "";
  }
  if (tenant.kind !== "government")
    throw invalid(
      "body.tenantId",
      "评价机构不能注册对接系统",
      "Assessment agencies cannot register integrators",
    );
  const outer = parseKnownJurisdiction(tenant.jurisdiction ?? "");
  const own = parseKnownJurisdiction(requested ?? tenant.jurisdiction ?? "");
  if (!isJurisdiction(own)) throw invalid("body.jurisdiction", own.zh, own.en);
  if (!isJurisdiction(outer) || !jurisdictionWithin(own, outer))
    throw invalid(
      "body.jurisdiction",
      "管辖范围超出本单位的管辖范围",
      "The jurisdiction lies outside the tenant's own",
    );
  return formatJurisdiction(own);
}

function itemOf(client: IntegratorClient) {
  return {
    tenantId: client.tenantId,
    clientId: client.clientId,
    version: client.version,
    record: client,
  };
}

/**
 * Registers an integrator: the identity provider creates the OAuth2 client, then the record and
 * its audit entry are written together. Should the write fail, the client is deleted again, so
 * no client exists that the authorizer would not know.
 */
export async function registerIntegrator(
  caller: Caller,
  scope: Scope,
  input: IntegratorCreateInput,
  now: Date = new Date(),
): Promise<IntegratorCreated> {
  const tenant = await managedTenant(caller, input.tenantId);
  if (tenant.status !== "active")
    throw invalid("body.tenantId", "单位尚未启用", "The tenant is not active");
  const jurisdiction = integratorJurisdiction(tenant, input.jurisdiction);
  const scopes = [...new Set(input.scopes)].sort();
  const idp = identityAdmin();
  const created = await idp.createMachineClient({
    name: `${tenant.id}:${input.name}`.slice(0, 128),
    scopes: scopes.map(oauthScope),
  });
  const at = now.toISOString();
  const client: IntegratorClient = {
    tenantId: tenant.id,
    clientId: created.clientId,
    name: input.name,
    jurisdiction,
    scopes,
    status: "active",
    createdBy: caller.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "integrator.register",
      target: { type: "integrator", id: client.clientId },
      after: client,
    },
    now,
  );
  try {
    await writeTogether(storeFor(scope, tenant.id), [
      { action: (tx) => tx.integratorClient.create(itemOf(client)).commit() },
      auditStep(audit),
    ]);
  } catch (error) {
    await idp.deleteMachineClient(created.clientId);
    throw error;
  }
  return { ...client, clientSecret: created.clientSecret, tokenUrl: setting("tokenUrl") };
}

/** A tenant's integrators, for its admin (the city admin: also a government body's). */
export async function listIntegrators(
  caller: Caller,
  scope: Scope,
  query: { tenantId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<IntegratorClient>> {
  const tenant = await managedTenant(caller, query.tenantId);
  const store = storeFor(scope, tenant.id);
  return walkPartitions(
    [
      {
        id: `integrators:${tenant.id}`,
        read: async (cursor, limit) => {
          const result = await store.entities.integratorClient.query
            .byTenant({ tenantId: tenant.id })
            .go({ cursor, limit });
          return { items: result.data.map((d) => d.record), cursor: result.cursor };
        },
      },
    ],
    query.cursor,
    query.limit,
  );
}

/**
 * Renames, disables or re-enables an integrator (If-Match with its version). Disabling takes
 * effect at the authorizer, which reads the record for every token it has not cached (at most a
 * minute on AWS); the identity provider keeps the client so it can be enabled again.
 */
export async function patchIntegrator(
  caller: Caller,
  scope: Scope,
  target: { tenantId?: string | undefined; clientId: string },
  input: IntegratorPatchInput,
  expectedVersion: number,
  now: Date = new Date(),
): Promise<IntegratorClient> {
  const tenant = await managedTenant(caller, target.tenantId);
  const store = storeFor(scope, tenant.id);
  const { data } = await store.entities.integratorClient
    .get({ tenantId: tenant.id, clientId: target.clientId })
    .go();
  if (!data) throw notFound.integrator();
  const client = data.record;
  if (client.version !== expectedVersion) throw staleVersion();
  const changed: IntegratorClient = {
    ...client,
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.status === undefined ? {} : { status: input.status }),
    version: client.version + 1,
    updatedAt: now.toISOString(),
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: tenant.id,
      action: "integrator.update",
      target: { type: "integrator", id: client.clientId },
      before: client,
      after: changed,
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.integratorClient
          .put(itemOf(changed))
          .where(({ version }, { eq }) => eq(version, client.version))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
  return changed;
}
