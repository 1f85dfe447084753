import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import { initialState } from "../../shared/warnings/indicator-state.ts";
import { DEFAULT_RULE_SET } from "../../shared/warnings/rules.ts";
import { raiseWarning, transitionWarning, type Warning } from "../../shared/warnings/warning.ts";

/**
 * Warning fixtures of the matrix, written straight to the table. The modules building the
 * items are imported only once the stack runs (they read the configuration it sets).
 */
const items = async () => ({
  ...(await import("../../functions/warnings/indicators.ts")),
  ...(await import("../../functions/warnings/warning-item.ts")),
});

let counter = 0;
const nextId = (tenantId: string, kind: string) =>
  `${tenantId}~${kind}${Date.now().toString(36)}${(counter++).toString(36).padStart(4, "0")}`;

/** A gas indicator of a source, with its state item. */
export async function matrixIndicator(store: Store, source: RiskSource): Promise<Indicator> {
  const { indicatorItem, stateItem } = await items();
  const at = new Date().toISOString();
  const indicator: Indicator = {
    id: nextId(source.tenantId, "IND"),
    tenantId: source.tenantId,
    riskSourceId: source.id,
    name: "可燃气体浓度",
    unit: "%LEL",
    direction: "above",
    thresholds: { general: 20, major: 40 },
    sustainSeconds: 120,
    recoverySeconds: 300,
    staleAfterSeconds: 900,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await store.entities.indicator.create(indicatorItem(indicator)).go();
  await store.entities.indicatorState.create(stateItem(indicator, initialState(indicator))).go();
  return indicator;
}

/** An open red warning of a source (resolved when asked), without its live claim. */
export async function matrixWarning(
  store: Store,
  source: RiskSource,
  status: "open" | "resolved" = "open",
): Promise<Warning> {
  const { warningItem } = await items();
  const now = new Date();
  let warning = raiseWarning(
    { rule: "assessed-major", kind: "raise", level: "major", at: now.toISOString(), detail: {} },
    {
      id: nextId(source.tenantId, "W"),
      tenantId: source.tenantId,
      riskSourceId: source.id,
      riskSourceName: source.name,
      enterpriseName: "矩阵测试企业",
      place: {
        district: source.supervision.district,
        street: source.supervision.street,
        industry: source.industry,
      },
      rules: DEFAULT_RULE_SET,
      timing: DEFAULT_RULE_SET.escalation,
    },
    now,
  );
  if (status === "resolved") {
    warning = transitionWarning(
      warning,
      "resolve",
      "u-matrix",
      "fixture",
      DEFAULT_RULE_SET.escalation,
      now,
    ) as Warning;
  }
  await store.entities.warning.create(warningItem(warning)).go();
  return warning;
}

export async function storedWarning(store: Store, w: Warning): Promise<Warning | undefined> {
  const { data } = await store.entities.warning.get({ tenantId: w.tenantId, id: w.id }).go();
  return data?.record;
}
