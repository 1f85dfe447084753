import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient, type ScanCommandInput } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import {
  forEachScannedPage,
  SCAN_PAGE_ITEMS,
} from "../../../functions/adapters/dynamodb/scan-entities.ts";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../../infra/local/runners/local-account.ts";
import { freshTable } from "../../support/fresh-table.ts";
import { localAws } from "../../support/local-aws.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  putEnterpriseTenant,
} from "../../support/registry-fixtures.ts";

// The nightly jobs (reconciliation, backfill) read the whole table through this: it must hand
// over every record once, a page at a time, and never two pages at once (the backfill folds
// each page; two folds side by side would race on the same counters).
describe("forEachScannedPage", () => {
  let store: Store;
  const TENANTS = 24;

  let tableName: string;

  beforeAll(async () => {
    const table = await freshTable("scanned-pages");
    tableName = table.tableName;
    store = storeFor(localAws().dynamodb, table.tableName);
    for (let i = 0; i < TENANTS; i++) {
      const place = { district: "110105", street: "建外街道", industry: "gas" } as const;
      const enterprise = enterpriseFixture(`t-page-${i}`, place, FIXTURE_USCC[i % 3] as string);
      await putEnterpriseTenant(store, enterprise);
      // Half of them with a profile: two kinds of record interleaved in the scan.
      if (i % 2 === 0) await putEnterprise(store, enterprise);
    }
  });

  it("hands over every record of the kinds asked once, one page at a time", async () => {
    const tenants: string[] = [];
    const profiles: string[] = [];
    let pages = 0;
    let inFlight = 0;
    let mostAtOnce = 0;
    await forEachScannedPage(
      store,
      ["tenant", "enterprise"],
      async (page) => {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        pages++;
        // Long enough for the other segments' reads to come back meanwhile.
        await sleep(20);
        tenants.push(...page.tenant.map((t) => t.tenantId));
        profiles.push(...page.enterprise.map((p) => p.tenantId));
        inFlight--;
      },
      3,
    );
    expect(pages).toBeGreaterThan(8);
    expect(mostAtOnce).toBe(1);
    expect(tenants.sort()).toEqual(Array.from({ length: TENANTS }, (_, i) => `t-page-${i}`).sort());
    expect(profiles).toHaveLength(TENANTS / 2);
    expect(new Set(profiles).size).toBe(TENANTS / 2);
  });

  it("stops with the page handler's error", async () => {
    let pages = 0;
    const reading = forEachScannedPage(
      store,
      ["tenant"],
      () => {
        pages++;
        if (pages === 2) throw new Error("page handler failed");
      },
      2,
    );
    await expect(reading).rejects.toThrow("page handler failed");
    // Nothing after the failure is handed over.
    expect(pages).toBe(2);
  });

  // Without a Limit DynamoDB Local reads the rest of a segment for every 1 MB page (a full scan
  // of 100,000 sources did not end in 10 minutes): every page asks for a bounded number.
  it("asks for bounded pages when the caller names no page size", async () => {
    const client = new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: localAws().dynamodbEndpoint,
    });
    const scans: ScanCommandInput[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "ScanCommand") scans.push(args.input as ScanCommandInput);
        return next(args);
      },
      { step: "initialize" },
    );
    let tenants = 0;
    await forEachScannedPage(storeFor(client, tableName), ["tenant"], (page) => {
      tenants += page.tenant.length;
    });
    expect(tenants).toBe(TENANTS);
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.every((input) => input.Limit === SCAN_PAGE_ITEMS)).toBe(true);
  });
});
