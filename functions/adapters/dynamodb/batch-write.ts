/** Rounds of BatchWriteItem before what DynamoDB keeps leaving unprocessed fails the caller. */
const WRITE_ROUNDS = 5;

/**
 * Writes (puts or deletes) records in batches — ElectroDB cuts them into BatchWriteItem calls of
 * 25 — and writes again what DynamoDB left unprocessed, backing off between rounds. What is still
 * left after the last round fails the caller, naming `what`: a batch write that silently drops
 * records is how things get lost.
 */
export async function batchWrite<T, K>(
  what: string,
  items: readonly T[],
  write: (batch: T[]) => Promise<{ unprocessed: K[] }>,
  /** The same text for a record and for its key among the unprocessed ones. */
  keyOf: (record: T | K) => string,
): Promise<void> {
  let pending = [...items];
  for (let round = 0; round < WRITE_ROUNDS && pending.length > 0; round++) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
    const { unprocessed } = await write(pending);
    const left = new Set(unprocessed.map(keyOf));
    pending = pending.filter((item) => left.has(keyOf(item)));
  }
  if (pending.length > 0) throw new Error(`${pending.length} ${what} could not be written`);
}
