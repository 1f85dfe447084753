import type { Indicator } from "./indicator.ts";

/** A controllable clock for the rule tests: minutes after a fixed start. */
export const T0 = Date.parse("2026-11-01T08:00:00.000Z");
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
export const clock = (minutes: number): Date => new Date(T0 + minutes * 60_000);

/** Gas concentration in %LEL: blue 10, yellow 20, orange 25, red 40; 5 min sustain, 10 min recovery. */
export function gasIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: "t-gas~ind1",
    tenantId: "t-gas",
    riskSourceId: "t-gas~rs1",
    name: "可燃气体浓度",
    unit: "%LEL",
    direction: "above",
    thresholds: { low: 10, general: 20, significant: 25, major: 40 },
    sustainSeconds: 300,
    recoverySeconds: 600,
    staleAfterSeconds: 900,
    version: 1,
    createdAt: at(-60),
    updatedAt: at(-60),
    ...overrides,
  };
}
