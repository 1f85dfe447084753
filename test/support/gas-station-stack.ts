import { expect } from "vitest";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Indicator } from "../../shared/warnings/indicator.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "./registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "./stack-client.ts";
import { startTestStack, type TestStack } from "./test-stack.ts";

/** Where the demo gas station (admin@gas-station.demo) sits: Chaoyang, 建外街道, gas. */
export const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
/** LEC inputs that grade a source major (450). */
export const MAJOR = { current: { L: 3, E: 10, C: 15 } };

/** A stack for one test file with the gas station's enterprise record, and its callers signed in. */
export async function startGasStationStack(
  name: string,
  emails: readonly string[],
): Promise<{ running: TestStack; callers: ApiCaller[] }> {
  const running = await startTestStack(name);
  await putEnterprise(
    stackStore(running.stack),
    enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
  );
  return { running, callers: await Promise.all(emails.map((e) => signIn(running.stack, e))) };
}

const sourcePath = (source: RiskSource, rest: string) =>
  `/api/v1/risk-sources/${encodeURIComponent(source.id)}/${rest}`;

/** What the gas station's own people do to its sources, through the API. */
export function gasStation(enterprise: ApiCaller) {
  return {
    async register(name: string): Promise<RiskSource> {
      const res = await enterprise.call("POST", "/api/v1/risk-sources", {
        body: riskSourceInput(GAS, name),
      });
      expect(res.status).toBe(201);
      return res.body as RiskSource;
    },
    /** A self-assessment grading the source major; the source as graded. */
    async assessMajor(source: RiskSource): Promise<RiskSource> {
      const res = await enterprise.call("POST", sourcePath(source, "assessments"), {
        body: { profileId: "lec-default", ...MAJOR },
      });
      expect(res.status).toBe(201);
      return (res.body as { riskSource: RiskSource }).riskSource;
    },
    /** A gas sensor: yellow from 20 %LEL, red from 40, sustained for a minute. */
    async addGasSensor(source: RiskSource): Promise<Indicator> {
      const res = await enterprise.call("POST", sourcePath(source, "indicators"), {
        body: {
          name: "可燃气体浓度",
          unit: "%LEL",
          thresholds: { low: 10, general: 20, significant: 25, major: 40 },
          sustainSeconds: 60,
        },
      });
      expect(res.status).toBe(201);
      return res.body as Indicator;
    },
  };
}

/** The warnings a caller sees, newest first; `query` continues the list's (`&rule=…`). */
export async function inbox(caller: ApiCaller, query = ""): Promise<Warning[]> {
  const res = await caller.call("GET", `/api/v1/warnings?limit=200${query}`);
  expect(res.status).toBe(200);
  return (res.body as { items: Warning[] }).items;
}
