import type { DistrictCode } from "../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../shared/catalogs/industries.ts";

/** A tenant whose data the matrix reaches for: one of the two demo enterprises. */
export interface Owner {
  key: "gas" | "mall";
  tenantId: string;
  place: { district: DistrictCode; street: string; industry: IndustryId };
  uscc: string;
  /** Whether the fixtures delegate this owner's sources to the demo assessment agency. */
  delegatesToAgency: boolean;
}

/** The gas station (Chaoyang, gas) and the mall (Haidian, commerce) of the demo users. */
export const OWNERS = {
  gas: {
    key: "gas",
    tenantId: "t-gas-station-chaoyang",
    place: { district: "110105", street: "建外街道", industry: "gas" },
    uscc: "91110105MA01ABCD39",
    delegatesToAgency: true,
  },
  mall: {
    key: "mall",
    tenantId: "t-mall-haidian",
    place: { district: "110108", street: "中关村街道", industry: "commerce" },
    uscc: "91110108MA01EFGH28",
    delegatesToAgency: false,
  },
} as const satisfies Record<string, Owner>;

export const OWNER_LIST: readonly Owner[] = [OWNERS.gas, OWNERS.mall];

export const AGENCY_TENANT_ID = "t-assessment-agency";
/** An agency no matrix principal belongs to: where the mall's delegations go. */
export const OTHER_AGENCY_TENANT_ID = "t-matrix-other-agency";

/** The other demo enterprise: where a tampered tenant id points. */
export function otherOwner(owner: Owner): Owner {
  return owner.key === "gas" ? OWNERS.mall : OWNERS.gas;
}
