import type { AuditRecord } from "../../../shared/audit/audit-record.ts";
import { ConflictError, ServiceUnavailableError } from "../../../shared/errors.ts";
import type { Store } from "../../adapters/dynamodb/store.ts";
import { auditItem } from "../../audit/audit-log.ts";

type WriteFunction = Parameters<Store["transaction"]["write"]>[0];

/** The entities as a write transaction hands them out: their chains end in `.commit()`. */
export type TxEntities = Parameters<WriteFunction>[0];

/** One committed action of a write transaction. */
export type WriteAction = ReturnType<WriteFunction>[number];

/** An action of a unit of work and the domain error to report when its condition fails. */
export interface WriteStep {
  action: (tx: TxEntities) => WriteAction;
  onConflict?: () => Error;
}

/** The audit record's create, for the unit of work of the change it records. */
export function auditStep(record: AuditRecord): WriteStep {
  return { action: (tx) => tx.auditRecord.create(auditItem(record)).commit() };
}

/** What a unit of work did: everything, or nothing because these steps' conditions failed. */
export type UnitOutcome = { committed: true } | { committed: false; failedSteps: number[] };

/** A cancelled transaction as ElectroDB reports it: one reason per action, by index. */
interface CancelledTransaction {
  canceled: boolean;
  data: readonly { rejected?: boolean; code?: string }[];
}

// DynamoDB's cancellation reasons and thrown errors that mean "too busy now, try again later".
const BUSY =
  /^(Throttling|ProvisionedThroughputExceeded|RequestLimitExceeded|TransactionInProgress)/;
const RETRY_AFTER_SECONDS = 1;

function busy(): ServiceUnavailableError {
  return new ServiceUnavailableError(RETRY_AFTER_SECONDS, {
    zh: "数据服务繁忙，请稍后重试",
    en: "The data service is busy; retry shortly",
  });
}

function concurrentChange(): ConflictError {
  return new ConflictError({
    zh: "数据正被同时修改，请重试",
    en: "A concurrent change interfered; retry",
  });
}

function isBusyError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (BUSY.test(e.name)) return true;
  }
  return false;
}

/**
 * Writes every step or none (one TransactWriteItems) and says which conditions refused it.
 * ElectroDB reports a cancellation as a value, not an error, so it is always read here: a
 * refused condition is an outcome the caller decides on; a transaction cancelled because
 * another one held the items is a 409 the client may retry; throttling is a 503 with
 * `Retry-After`. Nothing else in the product calls the transaction API (a test checks).
 */
export async function attemptTogether(
  store: Store,
  steps: readonly WriteStep[],
): Promise<UnitOutcome> {
  let outcome: CancelledTransaction;
  try {
    outcome = await store.transaction.write((tx) => steps.map((s) => s.action(tx))).go();
  } catch (error) {
    if (isBusyError(error)) throw busy();
    throw error;
  }
  if (!outcome.canceled) return { committed: true };
  const codes = outcome.data.map((d) => d.code ?? "None");
  const failedSteps = codes.flatMap((c, i) => (c === "ConditionalCheckFailed" ? [i] : []));
  if (failedSteps.length > 0) return { committed: false, failedSteps };
  if (codes.some((c) => BUSY.test(c))) throw busy();
  throw concurrentChange();
}

/**
 * Writes every step or none. A refused condition surfaces as the failing step's own error (or a
 * 409 when the step names none); see `attemptTogether` for the other cancellations.
 */
export async function writeTogether(store: Store, steps: readonly WriteStep[]): Promise<void> {
  const outcome = await attemptTogether(store, steps);
  if (outcome.committed) return;
  const explain = outcome.failedSteps.map((i) => steps[i]?.onConflict).find((f) => f !== undefined);
  throw explain ? explain() : concurrentChange();
}

/** A request that may be retried: who asked (the tenant whose partition holds the mark) and its key. */
export interface RequestIdentity {
  tenantId: string;
  /** Stable per (tenant, route, Idempotency-Key); see `idempotently`. */
  request: string;
}

const DAY_SECONDS = 24 * 3600;

/**
 * Writes the steps once per request: with `request`, a mark naming `resultId` joins the same
 * transaction, and a re-run of that request (its first invocation died after the write, before
 * its idempotency record was completed) finds the mark and gets the first result's id back
 * instead of writing again. Other refusals surface as in `writeTogether`.
 */
export async function writeOnce(
  store: Store,
  steps: readonly WriteStep[],
  request: RequestIdentity | undefined,
  resultId: string,
  now = new Date(),
): Promise<{ resultId: string; replayed: boolean }> {
  if (!request) {
    await writeTogether(store, steps);
    return { resultId, replayed: false };
  }
  const mark: WriteStep = {
    action: (tx) =>
      tx.requestMark
        .create({
          tenantId: request.tenantId,
          request: request.request,
          resultId,
          expiresAt: Math.floor(now.getTime() / 1000) + DAY_SECONDS,
        })
        .commit(),
  };
  const all = [...steps, mark];
  const outcome = await attemptTogether(store, all);
  if (outcome.committed) return { resultId, replayed: false };
  if (outcome.failedSteps.includes(all.length - 1)) {
    const { data } = await store.entities.requestMark.get(request).go({ consistent: true });
    if (data) return { resultId: data.resultId, replayed: true };
  }
  const explain = outcome.failedSteps.map((i) => all[i]?.onConflict).find((f) => f !== undefined);
  throw explain ? explain() : concurrentChange();
}
