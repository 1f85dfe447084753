import { signCardLink } from "../../functions/cards/card-links.ts";
import { setting } from "../../functions/platform/config.ts";
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

/**
 * A QR-link token for a source under the running stack's key: valid for an hour, or one that
 * expired a day ago (`expired`), as the card would have printed it.
 */
export async function cardLinkToken(sourceId: string, state: "valid" | "expired"): Promise<string> {
  const HOUR = 3_600_000;
  const signedAt = state === "valid" ? new Date() : new Date(Date.now() - 25 * HOUR);
  return signCardLink(
    sourceId,
    setting("cardLinkSecret"),
    new Date(signedAt.getTime() + HOUR),
    signedAt,
  );
}
