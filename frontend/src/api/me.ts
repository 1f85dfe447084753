import type { Role } from "../../../shared/tenancy/roles.ts";
import type { LocalizedText } from "../i18n/languages.ts";
import type { HttpClient } from "./http-client.ts";

/** `GET /api/v1/me`: who the caller is, with labels already in both languages. */
export interface Me {
  userId: string;
  email?: string;
  tenantId: string;
  tenantName?: string;
  role: Role;
  roleLabel: LocalizedText;
  /** Token form (`*` the whole city); absent where the caller is granted none. */
  jurisdiction?: string;
  jurisdictionLabel?: LocalizedText;
}

export function fetchMe(client: HttpClient, signal?: AbortSignal): Promise<Me> {
  return client.request<Me>("/api/v1/me", signal ? { signal } : {});
}
