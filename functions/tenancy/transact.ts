import type { AuditRecord } from "../../shared/audit/audit-record.ts";
import { ConflictError } from "../../shared/errors.ts";
import { failedConditions } from "../adapters/dynamodb/conditions.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditItem } from "../audit/audit-log.ts";

type WriteFunction = Parameters<Store["transaction"]["write"]>[0];

/** The entities as a write transaction hands them out: their chains end in `.commit()`. */
export type TxEntities = Parameters<WriteFunction>[0];

/** One committed action of a write transaction. */
export type WriteAction = ReturnType<WriteFunction>[number];

/** An action of a transaction and the domain error to report when its condition fails. */
export interface WriteStep {
  action: (tx: TxEntities) => WriteAction;
  onConflict?: () => Error;
}

/** The audit record's create, for the transaction of the change it records. */
export function auditStep(record: AuditRecord): WriteStep {
  return { action: (tx) => tx.auditRecord.create(auditItem(record)).commit() };
}

/**
 * Writes every step or none (TransactWriteItems). A refused condition surfaces as the failing
 * step's own error; a transaction cancelled for another reason (a concurrent transaction on the
 * same items) as a 409 the client may retry.
 */
export async function writeTogether(store: Store, steps: readonly WriteStep[]): Promise<void> {
  const outcome = await store.transaction.write((tx) => steps.map((s) => s.action(tx))).go();
  if (!outcome.canceled) return;
  const explain = failedConditions(outcome)
    .map((i) => steps[i]?.onConflict)
    .find((f) => f !== undefined);
  throw explain
    ? explain()
    : new ConflictError({
        zh: "数据正被同时修改，请重试",
        en: "A concurrent change interfered; retry",
      });
}
