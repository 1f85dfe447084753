import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { enterpriseItem } from "../../../functions/registry/enterprise-item.ts";
import { riskSourceItem } from "../../../functions/registry/risk-source-item.ts";
import { getDistrict, inBoundingBox } from "../../../shared/catalogs/districts.ts";
import { AssessmentSchema } from "../../../shared/risk/assessment.ts";
import { EnterpriseSchema } from "../../../shared/risk/enterprise.ts";
import { RiskSourceSchema } from "../../../shared/risk/risk-source.ts";
import { isValidUscc } from "../../../shared/risk/uscc.ts";
import { TenantSchema } from "../../../shared/tenancy/tenant.ts";
import { freshTable } from "../../../test/support/fresh-table.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import { enterpriseFixture } from "../../../test/support/registry-fixtures.ts";
import { seedDemoRegistry } from "./seed-demo-registry.ts";

const ENTERPRISES = 40;

type Item = Record<string, unknown> & { pk: string; sk: string; __edb_e__?: string };

async function scanAll(table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await localAws().documents.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

async function seededTable(): Promise<{ table: string; store: Store }> {
  const { tableName } = await freshTable("seed");
  const store = storeFor(localAws().dynamodb, tableName);
  const outcome = await seedDemoRegistry({
    store,
    client: localAws().dynamodb,
    table: tableName,
    enterprises: ENTERPRISES,
  });
  expect(outcome.seeded).toBe(true);
  return { table: tableName, store };
}

const ofEntity = (items: Item[], entity: string) => items.filter((i) => i.__edb_e__ === entity);

describe("seedDemoRegistry", () => {
  let first: { table: string; store: Store };
  let items: Item[];

  beforeAll(async () => {
    first = await seededTable();
    items = await scanAll(first.table);
  });

  it("writes the same items on every run (seeded generator, fixed base date)", async () => {
    const second = await seededTable();
    expect(await scanAll(second.table)).toEqual(items);
  });

  it("writes the counts asked for: enterprises with tenants, profiles, claims, five sources each", () => {
    const enterprises = ENTERPRISES + 2; // the gas station and the mall stand-ins
    expect(ofEntity(items, "tenant")).toHaveLength(enterprises);
    expect(ofEntity(items, "enterprise")).toHaveLength(enterprises);
    expect(ofEntity(items, "uniqueClaim")).toHaveLength(enterprises);
    expect(ofEntity(items, "riskSource")).toHaveLength(ENTERPRISES * 5 + 11);
    expect(ofEntity(items, "assessment")).toHaveLength(ENTERPRISES * 5 + 11);
  });

  it("grades the gas station's sources as domain.md §3's worked example, partly accepted", async () => {
    const { data } = await first.store.entities.riskSource.query
      .byTenant({ tenantId: "t-gas-station-chaoyang" })
      .go({ pages: "all" });
    const byItem = Object.fromEntries(
      data.map(({ record }) => [
        record.identificationItemId,
        [record.currentLevel, record.lastAssessment?.status],
      ]),
    );
    expect(byItem).toEqual({
      "gs-refuelling": ["major", "accepted"],
      "gs-forecourt-traffic": ["general", "accepted"],
      "gs-electrical": ["general", "submitted"],
      "gs-canopy": ["low", "accepted"],
      "gs-tank-unloading": ["significant", "submitted"],
    });
    const { data: history } = await first.store.entities.assessment.query
      .bySource({ tenantId: "t-gas-station-chaoyang", riskSourceId: data[0]?.id ?? "" })
      .go();
    expect(history).toHaveLength(1);
    const scores = ofEntity(items, "assessment")
      .filter((a) => a.tenantId === "t-gas-station-chaoyang")
      .map((a) => AssessmentSchema.parse(a.record).grade.score)
      .sort((a, b) => a - b);
    expect(scores).toEqual([20, 90, 108, 240, 450]);
  });

  it("gives the mall six sources in several levels, some awaiting review", async () => {
    const { data } = await first.store.entities.riskSource.query
      .byTenant({ tenantId: "t-mall-haidian" })
      .go({ pages: "all" });
    expect(data).toHaveLength(6);
    expect(new Set(data.map((d) => d.levelKey))).toEqual(
      new Set(["significant", "general", "low"]),
    );
    expect(new Set(data.map((d) => d.record.lastAssessment?.status))).toEqual(
      new Set(["accepted", "submitted"]),
    );
  });

  it("writes only records the shared schemas accept, with the key attributes the API derives", () => {
    for (const item of ofEntity(items, "riskSource")) {
      const record = RiskSourceSchema.parse(item.record);
      expect(item).toMatchObject(riskSourceItem(record));
    }
    for (const item of ofEntity(items, "assessment")) AssessmentSchema.parse(item.record);
    for (const item of ofEntity(items, "enterprise")) {
      const record = EnterpriseSchema.parse(item.record);
      expect(item).toMatchObject(enterpriseItem(record));
      expect(isValidUscc(record.uscc)).toBe(true);
    }
    for (const item of ofEntity(items, "tenant")) {
      expect(TenantSchema.parse(item.record)).toMatchObject({
        kind: "enterprise",
        status: "active",
      });
    }
    const claims = ofEntity(items, "uniqueClaim").map((c) => c.value);
    expect(new Set(claims).size).toBe(claims.length);
  });

  it("places every enterprise and source inside its district's bounds", () => {
    const places = [
      ...ofEntity(items, "enterprise").map((i) => EnterpriseSchema.parse(i.record)),
      ...ofEntity(items, "riskSource").map((i) => {
        const r = RiskSourceSchema.parse(i.record);
        return { district: r.supervision.district, location: r.location };
      }),
    ];
    for (const { district, location } of places) {
      const box = getDistrict(district)?.bbox;
      expect(box && inBoundingBox(box, location), `${district} ${JSON.stringify(location)}`).toBe(
        true,
      );
    }
  });

  it("does nothing on a second run", async () => {
    const again = await seedDemoRegistry({
      store: first.store,
      client: localAws().dynamodb,
      table: first.table,
      enterprises: ENTERPRISES,
    });
    expect(again).toEqual({ seeded: false });
    expect(await scanAll(first.table)).toEqual(items);
  });

  it("keeps the demo tenants' own profiles when their seed wrote them first", async () => {
    const { tableName } = await freshTable("seed");
    const store = storeFor(localAws().dynamodb, tableName);
    const place = { district: "110105", street: "三里屯街道", industry: "gas" } as const;
    const profile = enterpriseFixture("t-gas-station-chaoyang", place, "91110105MA01ABCD39");
    await store.entities.enterprise.put(enterpriseItem(profile)).go();
    await seedDemoRegistry({
      store,
      client: localAws().dynamodb,
      table: tableName,
      enterprises: 2,
    });
    const { data: own } = await store.entities.enterprise.get({ tenantId: profile.tenantId }).go();
    expect(own?.record).toEqual(profile);
    const { data } = await store.entities.riskSource.query
      .byTenant({ tenantId: profile.tenantId })
      .go({ pages: "all" });
    expect(data.map((d) => d.street)).toEqual(Array(5).fill("三里屯街道"));
    const { data: tenant } = await store.entities.tenant.get({ tenantId: profile.tenantId }).go();
    expect(tenant).toBeNull();
  });
});
