import { describe, expect, it } from "vitest";
import { type Probe, type ProbeSource, tamperWalk } from "./tamper-walk.ts";

/** A table of one counter per tenant; a probe's request may bump its tenant's counter. */
function world() {
  const table = new Map<string, number>();
  const census = async (tenants: readonly string[]) =>
    tenants.map((t) => `${t}=${table.get(t) ?? 0}`).join(",");
  const probe = (tenant: string, status: number, writes: boolean): ProbeSource => ({
    alone: false,
    prepare: async (): Promise<Probe[]> => [
      {
        label: `${tenant} ${status}`,
        tenants: [tenant],
        send: async () => {
          if (writes) table.set(tenant, (table.get(tenant) ?? 0) + 1);
          return { status, body: {} } as Awaited<ReturnType<Probe["send"]>>;
        },
        mustNotWrite: (reply) => reply.status >= 400,
        judge: () => [],
      },
    ],
  });
  return { census, probe };
}

describe("tamperWalk", () => {
  it("passes a group whose refusals wrote nothing, even when an accepted read wrote its audit", async () => {
    const { census, probe } = world();
    const sources = [probe("a", 404, false), probe("a", 200, true), probe("b", 400, false)];
    expect(await tamperWalk(sources, census, 8)).toEqual([]);
  });

  it("names the refused request that wrote, though it ran in a group", async () => {
    const { census, probe } = world();
    const sources = [probe("a", 200, true), probe("a", 403, true), probe("b", 404, false)];
    expect(await tamperWalk(sources, census, 8)).toEqual(["a 403: refused, yet the table changed"]);
  });
});
