import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  ConflictError,
  PreconditionFailedError,
  ServiceUnavailableError,
} from "../../../shared/errors.ts";
import { callerFromClaims } from "../../../shared/tenancy/claims.ts";
import { scopeOf } from "../../../shared/tenancy/scope.ts";
import { freshTable } from "../../../test/support/fresh-table.ts";
import { localAws } from "../../../test/support/local-aws.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../../test/support/registry-fixtures.ts";
import { type Store, storeFor } from "../../adapters/dynamodb/store.ts";
import { reloadConfig } from "../config.ts";
import { attemptTogether, type WriteStep, writeTogether } from "./unit-of-work.ts";

const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const TENANT = "t-uow-gas";

function claimStep(value: string, onConflict?: () => Error): WriteStep {
  return {
    action: (tx) =>
      tx.uniqueClaim.create({ kind: "uscc", value, tenantId: TENANT, ownerId: TENANT }).commit(),
    ...(onConflict ? { onConflict } : {}),
  };
}

describe("unit of work", () => {
  let store: Store;

  beforeAll(async () => {
    const table = await freshTable("unit-of-work");
    process.env.TABLE_NAME = table.tableName;
    reloadConfig();
    store = storeFor(localAws().dynamodb, table.tableName);
    await putEnterprise(store, enterpriseFixture(TENANT, GAS, FIXTURE_USCC[0] as string));
  });

  it("commits every step together", async () => {
    await expect(attemptTogether(store, [claimStep("A-1"), claimStep("A-2")])).resolves.toEqual({
      committed: true,
    });
  });

  it("writes nothing when one step's condition fails, and names that step", async () => {
    const outcome = await attemptTogether(store, [claimStep("B-1"), claimStep("A-1")]);
    expect(outcome).toEqual({ committed: false, failedSteps: [1] });
    const { data } = await store.entities.uniqueClaim.get({ kind: "uscc", value: "B-1" }).go();
    expect(data).toBeNull();
  });

  it("throws the failing step's own error, or a 409 when it names none", async () => {
    const stale = () => new PreconditionFailedError({ zh: "已变更", en: "changed" });
    await expect(
      writeTogether(store, [claimStep("C-1"), claimStep("A-2", stale)]),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(writeTogether(store, [claimStep("A-2")])).rejects.toBeInstanceOf(ConflictError);
  });

  it("answers throttling as 503 with Retry-After, a concurrent transaction as 409", async () => {
    const cancelledWith = (code: string) =>
      ({
        transaction: { write: () => ({ go: async () => ({ canceled: true, data: [{ code }] }) }) },
      }) as unknown as Store;
    await expect(
      attemptTogether(cancelledWith("ThrottlingError"), [claimStep("D")]),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(
      attemptTogether(cancelledWith("TransactionConflict"), [claimStep("D")]),
    ).rejects.toBeInstanceOf(ConflictError);
    const throwing = {
      transaction: {
        write: () => ({
          go: async () => {
            throw Object.assign(new Error("slow down"), {
              name: "ProvisionedThroughputExceededException",
            });
          },
        }),
      },
    } as unknown as Store;
    const error = await attemptTogether(throwing, [claimStep("D")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a registration whose transaction is cancelled by a conflicting write never answers success", async () => {
    const caller = callerFromClaims({
      sub: "u-admin",
      "custom:tenantId": TENANT,
      "custom:role": "enterpriseAdmin",
    });
    const scope = scopeOf(caller, "");
    // Every id a registration draws is the same, so a second registration collides with the
    // first: the transaction is cancelled, and that must never read as success. Test files share
    // their worker's modules: the mock is imported fresh and undone before the next file.
    vi.doMock("ulidx", () => ({ ulid: () => "01JFIXEDFIXEDFIXEDFIXEDFIX" }));
    vi.resetModules();
    try {
      const { registerRiskSource } = await import("../../registry/risk-sources.ts");
      const errors = await import("../../../shared/errors.ts");
      const first = await registerRiskSource(caller, scope, riskSourceInput(GAS, "第一个"));
      await expect(
        registerRiskSource(caller, scope, riskSourceInput(GAS, "第二个")),
      ).rejects.toBeInstanceOf(errors.ConflictError);
      const { data } = await store.entities.riskSource.query.byTenant({ tenantId: TENANT }).go();
      expect(data.map((d) => d.record.name)).toEqual([first.name]);
    } finally {
      vi.doUnmock("ulidx");
      vi.resetModules();
    }
  });
});

describe("the transaction API", () => {
  it("is called only by the unit of work", () => {
    const root = join(import.meta.dirname, "../../..");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (
          name === "node_modules" ||
          name.startsWith(".") ||
          name === "cdk.out" ||
          name === "dist"
        )
          continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts")) {
          const text = readFileSync(path, "utf8");
          if (/\.transaction\s*\.\s*write|TransactWriteItemsCommand/.test(text))
            offenders.push(relative(root, path));
        }
      }
    };
    for (const dir of ["functions", "infra", "shared"]) walk(join(root, dir));
    expect(offenders).toEqual(["functions/platform/data/unit-of-work.ts"]);
  });
});
