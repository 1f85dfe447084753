import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import {
  CITY_PASS_TENANT,
  PASSES_TOPIC_ID,
  type PassMessage,
  passMessageOf,
} from "../../functions/passes/pass-queue.ts";
import { gradedSource } from "../../infra/local/seed/graded-source.ts";
import type { Prng } from "../../infra/local/seed/prng.ts";
import { LEC_DEFAULT } from "../../shared/methodology/profiles/lec-default.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { riskSourceInput } from "./registry-fixtures.ts";

/**
 * The next version of `lec-default` with the significant band starting at D > `from` instead of
 * 160: sources scoring (from, 160] move from general to significant, every other grade stays.
 */
export function lecNextVersion(version: number, from = 100): MethodProfile {
  return {
    ...LEC_DEFAULT,
    version,
    bands: LEC_DEFAULT.bands.map((band) => {
      if (band.level === "significant") return { ...band, min: { value: from, inclusive: false } };
      if (band.level === "general") return { ...band, max: { value: from, inclusive: true } };
      return band;
    }),
  };
}

/** LEC inputs whose grade `lecNextVersion` moves (108: general → significant). */
export const MOVING_LEC = { L: 6, E: 6, C: 3 } as const;
/** LEC inputs whose grade it keeps: 90 general, 20 low, 270 significant (none major: no warnings). */
export const STAYING_LEC = [
  { L: 1, E: 6, C: 15 },
  { L: 1, E: 0.5, C: 40 },
  { L: 3, E: 6, C: 15 },
] as const;

/** One graded source on lec-default v1, built as the API leaves it (infra/local/seed/graded-source.ts). */
export function lecGradedSource(
  prng: Prng,
  tenantId: string,
  index: number,
  moving: boolean,
  accepted: boolean,
) {
  const current = moving ? MOVING_LEC : (STAYING_LEC[index % STAYING_LEC.length] ?? MOVING_LEC);
  const assessor: Caller = {
    userId: `u-${tenantId}`,
    tenantId,
    role: "enterpriseAdmin",
    jurisdiction: { citywide: false, districts: [], industries: [] },
  };
  const reviewer: Caller = {
    userId: "u-chaoyang-official",
    tenantId: "t-district-110105",
    role: "districtOfficial",
    jurisdiction: { citywide: false, districts: [{ district: "110105" }], industries: [] },
  };
  return gradedSource(prng, {
    tenantId,
    input: riskSourceInput(
      { district: "110105", street: "测试街道", industry: "gas" },
      `源${index}`,
    ),
    assessment: { profileId: "lec-default", profileVersion: 1, current: { ...current } },
    assessor,
    reviewer: accepted ? reviewer : null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
  });
}

/** The segment messages a pass's orchestrator queued (outbox), as the queue would deliver them. */
export async function queuedSegments(store: Store, passId: string): Promise<PassMessage[]> {
  const { data } = await store.entities.outboxMessage.query
    .byTenant({ tenantId: CITY_PASS_TENANT })
    .go({ pages: "all" });
  return data
    .flatMap((m) => (m.record.effect.channel === "topic" ? [m.record.effect] : []))
    .filter((e) => e.topic === PASSES_TOPIC_ID)
    .map((e) => passMessageOf(e.message))
    .filter((m) => m.passId === passId && m.kind.endsWith("-segment"));
}
