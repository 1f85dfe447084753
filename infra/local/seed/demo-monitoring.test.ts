import { describe, expect, it } from "vitest";
import { storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { reloadConfig } from "../../../functions/platform/config.ts";
import { freshTable } from "../../../test/support/fresh-table.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import { seedDemoMonitoring } from "./demo-monitoring.ts";
import { seedDemoRegistry } from "./seed-demo-registry.ts";

describe("demo monitoring", () => {
  it("gives the gas station drifting sensors and open warnings in Chaoyang, once", async () => {
    const { tableName } = await freshTable("seed-monitoring");
    process.env.TABLE_NAME = tableName;
    reloadConfig();
    const store = storeFor(localAws().dynamodb, tableName);
    await seedDemoRegistry({
      store,
      client: localAws().dynamodb,
      table: tableName,
      enterprises: 2,
    });

    const seeded = await seedDemoMonitoring(store, new Date());
    expect(seeded?.indicators).toBe(3);
    const { data } = await store.entities.warning.query
      .byTenant({ tenantId: "t-gas-station-chaoyang" })
      .go({ pages: "all" });
    const warnings = data.map((d) => d.record);
    expect(warnings.every((w) => w.place.district === "110105" && w.status === "open")).toBe(true);
    expect(warnings.map((w) => w.rule)).toContain("threshold-predicted");
    expect(warnings.map((w) => w.rule)).toContain("assessed-major");
    expect(await seedDemoMonitoring(store, new Date())).toBeUndefined();
  });
});
