import type { IdentificationList } from "../../../../shared/catalogs/identification-lists/list-schema.ts";
import type { Enterprise } from "../../../../shared/risk/enterprise.ts";
import type { HttpClient } from "../http-client.ts";

/** The caller's own enterprise (enterprise roles only). */
export function fetchOwnEnterprise(client: HttpClient, signal?: AbortSignal): Promise<Enterprise> {
  return client.request<Enterprise>("/api/v1/enterprise", signal ? { signal } : {});
}

/** One enterprise within the caller's reach (officials: audited read). */
export function fetchEnterprise(
  client: HttpClient,
  tenantId: string,
  signal?: AbortSignal,
): Promise<Enterprise> {
  return client.request<Enterprise>(
    `/api/v1/enterprises/${encodeURIComponent(tenantId)}`,
    signal ? { signal } : {},
  );
}

/** The 风险源辨识建议清单 that apply to an industry. */
export async function fetchIdentificationLists(
  client: HttpClient,
  industry: string,
  signal?: AbortSignal,
): Promise<IdentificationList[]> {
  const page = await client.request<{ items: IdentificationList[] }>(
    `/api/v1/identification-lists/${encodeURIComponent(industry)}`,
    signal ? { signal } : {},
  );
  return page.items;
}
