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

/** DynamoDB (or the entity library) refused the request's shape, e.g. a forged cursor. */
export function isRefusedInput(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "ValidationException" || /cursor/i.test(e.message)) return true;
  }
  return false;
}
