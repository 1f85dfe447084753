/**
 * Reads a Lambda partial-batch response (`{ batchItemFailures: [{ itemIdentifier }] }`).
 * Returns the failed identifiers, `[]` for success, or `"all"` when the response is malformed
 * (Lambda then treats the whole batch as failed).
 */
export function failedItemIdentifiers(result: unknown): string[] | "all" {
  if (result === undefined || result === null || typeof result !== "object") return [];
  if (!("batchItemFailures" in result)) return [];
  const failures = result.batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) return "all";
  const ids: string[] = [];
  for (const failure of failures) {
    const id: unknown =
      typeof failure === "object" && failure !== null && "itemIdentifier" in failure
        ? failure.itemIdentifier
        : undefined;
    if (typeof id !== "string" || id === "") return "all";
    ids.push(id);
  }
  return ids;
}
