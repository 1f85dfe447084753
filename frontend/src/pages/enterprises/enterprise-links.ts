import { paths } from "../../app/paths.ts";

/** Links to one enterprise of the directory and to its audit trail. */
export const enterpriseLinks = {
  detail: (tenantId: string) => paths.enterprise.replace(":tenantId", encodeURIComponent(tenantId)),
  auditTrail: (tenantId: string) => `${paths.auditTrail}?tenant=${encodeURIComponent(tenantId)}`,
};
