import { ulid } from "ulidx";
import { isConditionFailure } from "../../../functions/adapters/dynamodb/conditions.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { auditItem } from "../../../functions/audit/audit-log.ts";
import { delegationItem } from "../../../functions/tenancy/delegations.ts";
import type { Delegation } from "../../../shared/tenancy/delegation.ts";

const GAS_STATION = "t-gas-station-chaoyang";
const AGENCY = "t-assessment-agency";
const DELEGATION_ID = "dg-demo-gas-station-agency";
/** Sources delegated: enough to show the assessor's list and assessment without the whole site. */
const SOURCES = 3;
const DAYS = 180;

/**
 * The demo assessor's work (issue 13 §6): the Chaoyang gas station delegates its first few risk
 * sources to the demo assessment agency for half a year, as its admin would under 评估委托, with
 * the audit record of that grant. Once; a later start leaves it (and a revocation) alone.
 */
export async function seedDemoDelegation(store: Store, now: Date): Promise<number | undefined> {
  const { data: rows } = await store.entities.riskSource.query
    .byTenant({ tenantId: GAS_STATION })
    .go({ pages: "all" });
  const ids = rows
    .map((r) => r.record.id)
    .sort()
    .slice(0, SOURCES);
  if (ids.length === 0) return undefined;
  const at = now.toISOString();
  const delegation: Delegation = {
    id: DELEGATION_ID,
    tenantId: GAS_STATION,
    version: 1,
    createdAt: at,
    updatedAt: at,
    agencyTenantId: AGENCY,
    riskSourceIds: ids,
    expiresAt: new Date(now.getTime() + DAYS * 86_400_000).toISOString(),
    revokedAt: null,
    grantedBy: "u-gas-station-admin",
  };
  try {
    await store.entities.delegation.create(delegationItem(delegation)).go();
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  await store.entities.auditRecord
    .put(
      auditItem({
        id: ulid(now.getTime()),
        tenantId: GAS_STATION,
        at,
        actor: { userId: "u-gas-station-admin", tenantId: GAS_STATION, role: "enterpriseAdmin" },
        action: "delegation.grant",
        target: { type: "delegation", id: DELEGATION_ID },
        after: delegation,
      }),
    )
    .go();
  return ids.length;
}
