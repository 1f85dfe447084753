import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { riskSourceInput } from "./registry-fixtures.ts";

const PLACE = { district: "110105", street: "建外街道", industry: "gas" } as const;

/** A gas-station source graded major under lec-default v1, as the registry stores it. */
export function gradedSource(): RiskSource {
  return {
    ...riskSourceInput(PLACE),
    description: "汽油、柴油加注作业",
    id: "t-gas~01CARD",
    tenantId: "t-gas",
    enterpriseId: "t-gas",
    version: 3,
    createdAt: "2026-11-01T08:00:00.000Z",
    updatedAt: "2026-12-01T08:00:00.000Z",
    accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
    currentLevel: "major",
    inherentLevel: "major",
    lastAssessment: {
      id: "a1",
      profileId: "lec-default",
      profileVersion: 1,
      gradedAt: "2026-12-01T08:00:00.000Z",
      status: "accepted",
    },
    nextReviewAt: "2026-12-31T08:00:00.000Z",
  };
}
