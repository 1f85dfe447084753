import { ulid } from "ulidx";
import type { ResourceListQuery } from "../../shared/contracts/emergency-resources.ts";
import { ValidationError } from "../../shared/errors.ts";
import {
  type EmergencyResource,
  isCityCategory,
  type ResourceCreateInput,
  type ResourceUpdateInput,
} from "../../shared/readiness/resource.ts";
import { areaQueries, coversArea, officialSees } from "../../shared/readiness/resource-reach.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { storeForScope } from "../platform/data/request-store.ts";
import { auditStep, writeOnce, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { ownerOf } from "../registry/source-reach.ts";
import { loadResource, resourceItem, resourceNotFound } from "./resource-item.ts";

function invalid(path: string, code: string, zh: string, en: string): ValidationError {
  return new ValidationError({ zh, en }, [{ path, code, message: { zh, en } }]);
}

/** A resource as the caller may see it: phones masked for roles that do not need them. */
export function viewOf(caller: Caller, resource: EmergencyResource): EmergencyResource {
  return maskContactsFor(caller.role, resource, caller.tenantId === resource.tenantId);
}

/** Where a new resource sits and who owns it: the enterprise's place, or the area an official names. */
async function ownership(store: Store, caller: Caller, scope: Scope, input: ResourceCreateInput) {
  if (scope.kind === "tenant") {
    if (isCityCategory(input.category)) {
      throw invalid(
        "body.category",
        "resource.cityCategory",
        "企业不能登记城市应急资源类别",
        "Enterprises record their own categories, not the city's",
      );
    }
    const enterprise = await loadEnterprise(store, scope.tenantId);
    if (!enterprise) {
      throw invalid(
        "body",
        "resource.noEnterprise",
        "请先填写企业信息",
        "Fill in the enterprise profile first",
      );
    }
    return {
      owner: "enterprise" as const,
      ownerName: enterprise.name,
      place: {
        district: enterprise.district,
        street: enterprise.street,
        industry: enterprise.industry,
      },
    };
  }
  if (scope.kind !== "jurisdiction" || !isCityCategory(input.category)) {
    throw invalid(
      "body.category",
      "resource.enterpriseCategory",
      "政府部门登记城市应急资源（避难场所、医疗、运输）",
      "Agencies record the city's resources (shelters, medical, transport)",
    );
  }
  const { district, street } = input;
  if (!district || !street) {
    throw invalid(
      "body.district",
      "resource.areaRequired",
      "城市应急资源须写明所在区和街道",
      "A city resource names its district and street",
    );
  }
  if (!coversArea(scope.jurisdiction, district, street)) {
    throw invalid(
      "body.district",
      "resource.outsideJurisdiction",
      "该区域不在您的辖区内",
      "That area is outside your jurisdiction",
    );
  }
  const { data: tenant } = await store.entities.tenant.get({ tenantId: caller.tenantId }).go();
  return {
    owner: "city" as const,
    ownerName: tenant?.record.name ?? caller.tenantId,
    place: { district, street, industry: null },
  };
}

/** Records a resource (audited, once per Idempotency-Key). */
export async function createResource(
  caller: Caller,
  scope: Scope,
  input: ResourceCreateInput,
  now = new Date(),
  requestId?: string,
): Promise<EmergencyResource> {
  const store = storeForScope(scope);
  const owned = await ownership(store, caller, scope, input);
  const at = now.toISOString();
  const { district: _d, street: _s, ...fields } = input;
  const resource: EmergencyResource = {
    ...fields,
    ...owned,
    id: `${caller.tenantId}~${ulid(now.getTime())}`,
    tenantId: caller.tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: "emergencyResource.create",
      target: { type: "emergencyResource", id: resource.id },
      after: resource,
    },
    now,
  );
  const written = await writeOnce(
    store,
    [
      { action: (tx) => tx.emergencyResource.create(resourceItem(resource)).commit() },
      auditStep(audit),
    ],
    requestId === undefined ? undefined : { tenantId: caller.tenantId, request: requestId },
    resource.id,
    now,
  );
  if (!written.replayed) return resource;
  const first = await loadResource(store, caller.tenantId, written.resultId);
  if (!first) throw resourceNotFound();
  return first;
}

/** One resource the caller may read, or 404 (the same as none at all). */
export async function reachResource(
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<EmergencyResource> {
  const tenantId = ownerOf(id);
  if (!tenantId) throw resourceNotFound();
  if (scope.kind === "tenant" && tenantId !== scope.tenantId) throw resourceNotFound();
  if (scope.kind === "agency") throw resourceNotFound();
  const found = await loadResource(storeForScope(scope), tenantId, id);
  if (!found) throw resourceNotFound();
  if (
    scope.kind === "jurisdiction" &&
    found.tenantId !== caller.tenantId &&
    !officialSees(scope.jurisdiction, found)
  ) {
    throw resourceNotFound();
  }
  return found;
}

/** A resource the caller keeps: its own tenant's (enterprises theirs, agencies the city's they recorded). */
async function keptResource(caller: Caller, scope: Scope, id: string): Promise<EmergencyResource> {
  if (ownerOf(id) !== caller.tenantId) throw resourceNotFound();
  return reachResource(caller, scope, id);
}

export async function updateResource(
  caller: Caller,
  scope: Scope,
  id: string,
  input: ResourceUpdateInput,
  expected: number,
  now = new Date(),
): Promise<EmergencyResource> {
  const found = await keptResource(caller, scope, id);
  if (found.version !== expected) throw staleVersion();
  const next: EmergencyResource = {
    ...found,
    ...input,
    version: found.version + 1,
    updatedAt: now.toISOString(),
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: found.tenantId,
      action: "emergencyResource.update",
      target: { type: "emergencyResource", id },
      before: found,
      after: next,
    },
    now,
  );
  await writeTogether(storeForScope(scope), [
    {
      action: (tx) =>
        tx.emergencyResource
          .put(resourceItem(next))
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
  return next;
}

export async function deleteResource(
  caller: Caller,
  scope: Scope,
  id: string,
  expected: number,
  now = new Date(),
): Promise<void> {
  const found = await keptResource(caller, scope, id);
  if (found.version !== expected) throw staleVersion();
  const audit = auditRecord(
    caller,
    {
      tenantId: found.tenantId,
      action: "emergencyResource.delete",
      target: { type: "emergencyResource", id },
      before: found,
    },
    now,
  );
  await writeTogether(storeForScope(scope), [
    {
      action: (tx) =>
        tx.emergencyResource
          .delete({ tenantId: found.tenantId, id })
          .where(({ version }, { eq }) => eq(version, expected))
          .commit(),
      onConflict: staleVersion,
    },
    auditStep(audit),
  ]);
}

function matches(query: ResourceListQuery, r: EmergencyResource): boolean {
  return (
    (query.category === undefined || r.category === query.category) &&
    (query.owner === undefined || r.owner === query.owner) &&
    (query.district === undefined || r.place.district === query.district) &&
    (query.availability === undefined || r.availability === query.availability)
  );
}

/**
 * Resources within reach: an enterprise's own partition; for officials the district index of
 * each district (and street) they are granted, filtered by industry where it applies.
 */
export async function listResources(
  caller: Caller,
  scope: Scope,
  query: ResourceListQuery,
): Promise<{ items: EmergencyResource[]; nextCursor: string | null }> {
  const store = storeForScope(scope);
  const keep = (r: EmergencyResource) =>
    matches(query, r) && (scope.kind !== "jurisdiction" || officialSees(scope.jurisdiction, r));
  let partitions: Partition<EmergencyResource>[] = [];
  if (scope.kind === "tenant") {
    partitions = [
      {
        id: `resources:${scope.tenantId}`,
        read: async (c, n) => {
          const page = await store.entities.emergencyResource.query
            .byTenant({ tenantId: scope.tenantId })
            .go({ cursor: c, limit: n });
          return { items: page.data.map((d) => d.record).filter(keep), cursor: page.cursor };
        },
      },
    ];
  } else if (scope.kind === "jurisdiction") {
    partitions = areaQueries(scope.jurisdiction, query.district).map((area) => ({
      id: `resources:${area.district}:${area.street ?? ""}`,
      read: async (c, n) => {
        const index = store.entities.emergencyResource.query.byDistrict(
          area.street === undefined
            ? { district: area.district }
            : { district: area.district, street: area.street },
        );
        const page = await index.go({ cursor: c, limit: n });
        return { items: page.data.map((d) => d.record).filter(keep), cursor: page.cursor };
      },
    }));
  }
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  return { items: page.items.map((r) => viewOf(caller, r)), nextCursor: page.nextCursor };
}
