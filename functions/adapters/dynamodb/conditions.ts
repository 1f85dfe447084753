/**
 * DynamoDB outcomes the domain cares about, recognised once: ElectroDB wraps the SDK's error, so
 * look at the cause chain.
 */
export function isConditionFailure(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "ConditionalCheckFailedException") return true;
  }
  return false;
}

/** A transaction result from ElectroDB: which action (by index) was refused and why. */
export interface TransactionOutcome {
  canceled: boolean;
  data: readonly { rejected: boolean; code: string }[];
}

/** Indexes of the actions whose condition failed in a canceled transaction. */
export function failedConditions(outcome: TransactionOutcome): number[] {
  if (!outcome.canceled) return [];
  return outcome.data.flatMap((d, i) => (d.code === "ConditionalCheckFailed" ? [i] : []));
}

/** DynamoDB (or the entity library) refused the request's shape, e.g. a forged cursor. */
export function isRefusedInput(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "ValidationException" || /cursor/i.test(e.message)) return true;
  }
  return false;
}
