import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../../infra/local/runners/local-account.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// A request whose write landed but whose invocation died before its idempotency record was
// completed: the retry with the same Idempotency-Key runs again, and must answer the first
// outcome rather than write a second time (issue 10, "a request interrupted after its write").
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const TENANT = "t-gas-station-chaoyang";

describe("a retried request whose first invocation died after its write", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let documents: DynamoDBDocumentClient;
  let gasAdmin: ApiCaller;

  beforeAll(async () => {
    running = await startTestStack("interrupted");
    stack = running.stack;
    store = stackStore(stack);
    documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        endpoint: stack.endpoints.dynamodb,
      }),
    );
    await putEnterprise(store, enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string));
    gasAdmin = await signIn(stack, "admin@gas-station.demo");
  });

  afterAll(async () => {
    await running?.stop();
  });

  /** What the dead invocation leaves: its write, but no completed idempotency record. */
  async function forgetIdempotencyRecords(): Promise<number> {
    const { Items = [] } = await documents.send(
      new ScanCommand({ TableName: stack.tableName, ConsistentRead: true }),
    );
    const records = Items.filter((i) => String(i.pk).startsWith(`IDEMPOTENCY#${TENANT}#`));
    for (const r of records) {
      await documents.send(
        new DeleteCommand({ TableName: stack.tableName, Key: { pk: r.pk, sk: r.sk } }),
      );
    }
    return records.length;
  }

  it("answers the source the first invocation registered, and stores it once", async () => {
    const headers = { "idempotency-key": "interrupted-register-0001" };
    const first = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers,
    });
    expect(first.status).toBe(201);
    expect(await forgetIdempotencyRecords()).toBe(1);

    const retry = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers,
    });

    expect(retry.status).toBe(201);
    expect((retry.body as RiskSource).id).toBe((first.body as RiskSource).id);
    const { data } = await store.entities.riskSource.query.byTenant({ tenantId: TENANT }).go();
    expect(data).toHaveLength(1);
  });

  it("keeps another key's registration apart", async () => {
    const other = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS, "储罐区"),
      headers: { "idempotency-key": "interrupted-register-0002" },
    });
    expect(other.status).toBe(201);
    const { data } = await store.entities.riskSource.query.byTenant({ tenantId: TENANT }).go();
    expect(data).toHaveLength(2);
  });
});
