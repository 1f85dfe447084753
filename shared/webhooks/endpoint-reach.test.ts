import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../events/envelope.ts";
import { parseJurisdiction } from "../tenancy/claims.ts";
import { endpointReceives } from "./endpoint-reach.ts";

const event = (subject: EventEnvelope["subject"], type = "risk-level.changed"): EventEnvelope => ({
  id: "e1",
  type,
  version: 1,
  occurredAt: "2026-12-04T00:00:00.000Z",
  subject,
  data: {},
});
const chaoyangGas = {
  tenantId: "t-a",
  district: "110105",
  street: "建外街道",
  industry: "gas",
  level: "major",
} as const;

describe("which events an endpoint receives", () => {
  const types = ["risk-level.changed"];

  it("gives an enterprise's endpoint its own tenant's events only", () => {
    const reach = { kind: "tenant", tenantId: "t-a" } as const;
    expect(endpointReceives({ eventTypes: types, reach }, event(chaoyangGas))).toBe(true);
    expect(
      endpointReceives({ eventTypes: types, reach }, event({ ...chaoyangGas, tenantId: "t-b" })),
    ).toBe(false);
    expect(
      endpointReceives({ eventTypes: types, reach }, event(chaoyangGas, "assessment.graded")),
    ).toBe(false);
  });

  it("gives a government platform's endpoint its jurisdiction's events only", () => {
    const jurisdiction = {
      kind: "jurisdiction",
      jurisdiction: parseJurisdiction("d:110105"),
    } as const;
    const reach = { eventTypes: types, reach: jurisdiction };
    expect(endpointReceives(reach, event(chaoyangGas))).toBe(true);
    expect(endpointReceives(reach, event({ ...chaoyangGas, district: "110108" }))).toBe(false);
    expect(endpointReceives(reach, event({ tenantId: "t-a" }))).toBe(false);
  });

  it("narrows by the owner's filters", () => {
    const reach = { kind: "tenant", tenantId: "t-a" } as const;
    const filters = { levels: ["major"] };
    expect(endpointReceives({ eventTypes: types, reach, filters }, event(chaoyangGas))).toBe(true);
    expect(
      endpointReceives(
        { eventTypes: types, reach, filters },
        event({ ...chaoyangGas, level: "low" }),
      ),
    ).toBe(false);
  });
});
