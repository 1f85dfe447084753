import { ulid } from "ulidx";
import type { EventEnvelope } from "../../events/envelope.ts";
import type { WarningRaisedV1 } from "../../events/warning-raised.v1.ts";
import type { Level } from "../../shared/methodology/levels.ts";

/** The demo gas station's place in Chaoyang (its officials are the seeded demo users). */
export const GAS_STATION_PLACE = {
  district: "110105",
  street: "建外街道",
  industry: "gas",
} as const;

/** A `warning.raised` envelope of a demo gas-station source, as the warnings capability sends it. */
export function raisedEnvelope(
  level: Level,
  riskSourceName: string,
  at: Date,
  riskSourceId = "rs-notify",
): EventEnvelope {
  const data: WarningRaisedV1 = {
    warningId: `t-gas-station-chaoyang~${ulid()}`,
    riskSourceId,
    riskSourceName,
    enterpriseName: "北京朝阳示范加油站有限公司",
    rule: "assessed-major",
    level,
    raisedAt: at.toISOString(),
    step: "enterprise",
    jurisdictions: [],
    fireCount: 1,
    detail: {},
  };
  return {
    id: ulid(),
    type: "warning.raised",
    version: 1,
    occurredAt: at.toISOString(),
    subject: { tenantId: "t-gas-station-chaoyang", riskSourceId, ...GAS_STATION_PLACE, level },
    data,
  };
}
