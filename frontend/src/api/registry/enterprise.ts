import type { IndustryId } from "../../../../shared/catalogs/industries.ts";
import { registryContract } from "../../../../shared/contracts/registry.ts";
import type { SuccessOutput } from "../../../../shared/contracts/route.ts";
import type { EnterpriseUpdateInput } from "../../../../shared/risk/enterprise.ts";
import type { EnterpriseListQuery } from "../../../../shared/risk/list-query.ts";
import { callRoute, sendRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";
import { taggedAnswer } from "./etag.ts";

/** An enterprise as the API answers it (contacts' phones possibly masked). */
export type EnterpriseView = SuccessOutput<typeof registryContract.getEnterprise>;

/** The caller's own enterprise (enterprise roles only). */
export function fetchOwnEnterprise(client: HttpClient, signal?: AbortSignal) {
  return callRoute(client, registryContract.ownEnterprise, signal ? { signal } : {});
}

/** One enterprise within the caller's reach (officials: audited read). */
export function fetchEnterprise(client: HttpClient, tenantId: string, signal?: AbortSignal) {
  return callRoute(client, registryContract.getEnterprise, {
    params: { tenantId },
    ...(signal ? { signal } : {}),
  });
}

/** The 风险源辨识建议清单 that apply to an industry. */
export async function fetchIdentificationLists(
  client: HttpClient,
  industry: IndustryId,
  signal?: AbortSignal,
) {
  const page = await callRoute(client, registryContract.identificationLists, {
    params: { industry },
    ...(signal ? { signal } : {}),
  });
  return page.items;
}

export type EnterpriseFilters = Partial<Omit<EnterpriseListQuery, "cursor" | "limit">>;

/** The enterprises in the official's jurisdiction, narrowed by place and industry. */
export function listEnterprises(
  client: HttpClient,
  filters: EnterpriseFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, registryContract.listEnterprises, {
    query: { ...filters, cursor },
    ...(signal ? { signal } : {}),
  });
}

/** The caller's own enterprise with its ETag, for a change under `If-Match`. */
export async function fetchOwnEnterpriseTagged(client: HttpClient, signal?: AbortSignal) {
  return taggedAnswer(
    await sendRoute(client, registryContract.ownEnterprise, signal ? { signal } : {}),
  );
}

/** Changes the own profile; a 412 means someone changed it since `etag` was read. */
export function updateOwnEnterprise(
  client: HttpClient,
  changes: EnterpriseUpdateInput,
  etag: string,
) {
  return callRoute(client, registryContract.updateOwnEnterprise, {
    body: changes,
    headers: { "If-Match": etag },
  });
}
