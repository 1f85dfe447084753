import { paths } from "../../app/paths.ts";

/** Links to one enterprise of the directory, its audit trail and its capability assessments. */
export const enterpriseLinks = {
  detail: (tenantId: string) => paths.enterprise.replace(":tenantId", encodeURIComponent(tenantId)),
  auditTrail: (tenantId: string) => `${paths.auditTrail}?tenant=${encodeURIComponent(tenantId)}`,
  capability: (tenantId: string) => `${paths.capability}?tenant=${encodeURIComponent(tenantId)}`,
};
