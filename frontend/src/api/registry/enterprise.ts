import type { IndustryId } from "../../../../shared/catalogs/industries.ts";
import { registryContract } from "../../../../shared/contracts/registry.ts";
import { callRoute } from "../call.ts";
import type { HttpClient } from "../http-client.ts";

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
