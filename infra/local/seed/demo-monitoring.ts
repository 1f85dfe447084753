import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { Indicator, IndicatorCreateInput } from "../../../shared/warnings/indicator.ts";
import { initialState } from "../../../shared/warnings/indicator-state.ts";
import { assessedLevelSignal } from "../../../shared/warnings/source-rules.ts";

/** The demo gas station (Chaoyang): its sensors and the warnings they and its grades raise. */
const GAS_STATION = "t-gas-station-chaoyang";
const ENTERPRISE_NAME = "北京朝阳建外加油站";

interface DemoIndicator {
  key: string;
  input: IndicatorCreateInput;
  /** Value `minutesAgo` minutes before the seed ran, for the last half hour. */
  value: (minutesAgo: number) => number;
}

/**
 * Gas concentration drifting up toward yellow (20 %LEL) at about 0.25 a minute: the predicted
 * breach rule (预测预警) fires on it; tank pressure and level steady and normal.
 */
const INDICATORS: readonly DemoIndicator[] = [
  {
    key: "gas",
    input: {
      name: "加油区可燃气体浓度",
      unit: "%LEL",
      direction: "above",
      thresholds: { low: 10, general: 20, significant: 25, major: 40 },
      sustainSeconds: 120,
      recoverySeconds: 300,
      staleAfterSeconds: 86_400,
    },
    value: (ago) => 14 - ago * 0.25,
  },
  {
    key: "pressure",
    input: {
      name: "储罐压力",
      unit: "MPa",
      direction: "above",
      thresholds: { general: 1.6, major: 1.8 },
      sustainSeconds: 120,
      recoverySeconds: 300,
      staleAfterSeconds: 86_400,
    },
    value: (ago) => 1.2 + ((ago % 5) - 2) * 0.01,
  },
  {
    key: "level",
    input: {
      name: "储罐液位",
      unit: "%",
      direction: "above",
      thresholds: { general: 85, major: 95 },
      sustainSeconds: 120,
      recoverySeconds: 300,
      staleAfterSeconds: 86_400,
    },
    value: (ago) => 62 + ago * 0.05,
  },
];

const MINUTES = 30;

/**
 * Seeds the demo gas station's monitoring: three indicators on its refuelling source with the
 * last half hour of readings, fed through the same ingestion as the API (so the predicted
 * breach is raised as it would be), and an open `assessed-major` warning for each of its major
 * sources. Once (the first indicator marks it); readings are relative to the start, so the trend
 * is current, and not archived.
 */
export async function seedDemoMonitoring(
  store: Store,
  now: Date,
): Promise<{ indicators: number; warnings: number } | undefined> {
  const { data: rows } = await store.entities.riskSource.query
    .byTenant({ tenantId: GAS_STATION })
    .go({ pages: "all" });
  const own: RiskSource[] = rows.map((r) => r.record).sort((a, b) => a.id.localeCompare(b.id));
  const refuelling = own.find((s) => s.currentLevel === "major") ?? own[0];
  if (!refuelling) return undefined;
  const firstId = `${GAS_STATION}~DEMOINDGAS`;
  const seeded = await store.entities.indicator
    .get({ tenantId: GAS_STATION, riskSourceId: refuelling.id, id: firstId })
    .go();
  if (seeded.data) return undefined;
  // Imported here: these modules build SDK clients from the configuration the stack sets.
  const { indicatorItem, stateItem } = await import("../../../functions/warnings/indicators.ts");
  const { ingestReadings } = await import("../../../functions/warnings/readings.ts");
  const { termsFor, timingFor } = await import("../../../functions/warnings/settings.ts");
  const { inForceRuleSet } = await import("../../../functions/warnings/rule-sets.ts");
  const { planSignal, sourceFacts, systemActor } = await import(
    "../../../functions/warnings/signal-steps.ts"
  );
  const { attemptTogether } = await import("../../../functions/platform/data/unit-of-work.ts");

  const created = new Date(now.getTime() - (MINUTES + 5) * 60_000).toISOString();
  const indicators: Indicator[] = INDICATORS.map((d) => ({
    ...d.input,
    id: `${GAS_STATION}~DEMOIND${d.key.toUpperCase()}`,
    tenantId: GAS_STATION,
    riskSourceId: refuelling.id,
    version: 1,
    createdAt: created,
    updatedAt: created,
  }));
  for (const indicator of indicators) {
    await store.entities.indicator.put(indicatorItem(indicator)).go();
    await store.entities.indicatorState.put(stateItem(indicator, initialState(indicator))).go();
  }
  const readings = INDICATORS.flatMap((d, i) =>
    Array.from({ length: MINUTES }, (_, k) => {
      const ago = MINUTES - 1 - k;
      return {
        indicatorId: (indicators[i] as Indicator).id,
        at: new Date(now.getTime() - ago * 60_000).toISOString(),
        value: Math.round(d.value(ago) * 100) / 100,
      };
    }),
  );
  const timing = async (district: string) => (await timingFor(store, district)).timing;
  await ingestReadings(
    {
      store,
      tenantId: GAS_STATION,
      actor: systemActor(GAS_STATION, "demo-seed"),
      archive: { put: async () => undefined },
      enterpriseName: async () => ENTERPRISE_NAME,
      timing,
      ruleSet: () => inForceRuleSet(store),
      now,
    },
    readings,
  );

  let warnings = 0;
  for (const source of own.filter((s) => s.currentLevel === "major")) {
    const signal = assessedLevelSignal(null, "major", now);
    if (!signal) continue;
    const f = sourceFacts(source, ENTERPRISE_NAME);
    const plan = planSignal(
      undefined,
      signal,
      f,
      await termsFor(store, f.place.district),
      systemActor(GAS_STATION, "demo-seed"),
      now,
    );
    if ((await attemptTogether(store, plan.steps)).committed) warnings += 1;
  }
  const { data } = await store.entities.warning.query.byTenant({ tenantId: GAS_STATION }).go();
  return { indicators: indicators.length, warnings: Math.max(warnings, data.length) };
}
