import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import { riskSourceItem } from "../../functions/registry/risk-source-item.ts";
import { indicatorItem, stateItem } from "../../functions/warnings/indicators.ts";
import type { ArchivedReading, ReadingArchive } from "../../functions/warnings/reading-archive.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { initialState } from "../../shared/warnings/indicator-state.ts";
import { gasIndicator } from "../../shared/warnings/test-support.ts";
import { riskSourceInput } from "./registry-fixtures.ts";

export const GAS_PLACE = { district: "110105", street: "建外街道", industry: "gas" } as const;

/** A graded gas-station source of `tenantId`, written straight to the table. */
export async function putSource(
  store: Store,
  tenantId: string,
  id: string,
  place: Parameters<typeof riskSourceInput>[0] = GAS_PLACE,
): Promise<RiskSource> {
  const at = "2026-10-01T08:00:00.000Z";
  const source: RiskSource = {
    ...riskSourceInput(place, "储罐区"),
    id,
    tenantId,
    enterpriseId: tenantId,
    accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
    currentLevel: "significant",
    inherentLevel: null,
    lastAssessment: null,
    nextReviewAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  } as RiskSource;
  await store.entities.riskSource.put(riskSourceItem(source)).go();
  return source;
}

/** A gas-concentration indicator (%LEL: blue 10, yellow 20, orange 25, red 40) with its state item. */
export async function putIndicator(
  store: Store,
  source: RiskSource,
  id: string,
  createdAt: string,
  overrides: Partial<Indicator> = {},
): Promise<Indicator> {
  const indicator = gasIndicator({
    id,
    tenantId: source.tenantId,
    riskSourceId: source.id,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  });
  await store.entities.indicator.put(indicatorItem(indicator)).go();
  await store.entities.indicatorState.put(stateItem(indicator, initialState(indicator))).go();
  return indicator;
}

/** An archive that keeps what it was given, and can be made to fail. */
export function memoryArchive(): ReadingArchive & { lines: ArchivedReading[]; down: boolean } {
  const archive = {
    lines: [] as ArchivedReading[],
    down: false,
    async put(readings: readonly ArchivedReading[]) {
      if (archive.down) throw new Error("archive down");
      archive.lines.push(...readings);
    },
  };
  return archive;
}
