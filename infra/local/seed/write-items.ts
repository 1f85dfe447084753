/** BatchWriteItem's limit (benchmarks.md). */
export const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

/** Writes one batch of at most 25 items; resolves to the number of items DynamoDB left unprocessed. */
export type BatchPut<T> = (batch: T[]) => Promise<{ unprocessed: readonly unknown[] }>;

/**
 * Writes items in batches of 25 with a few batches in flight. A batch with unprocessed items is
 * written again whole: puts are idempotent, so a seed cut short is simply written again too.
 */
export async function putInBatches<T>(
  put: BatchPut<T>,
  items: readonly T[],
  concurrency: number,
  signal?: AbortSignal,
): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      signal?.throwIfAborted();
      const batch = batches[next++] as T[];
      for (let attempt = 1; ; attempt++) {
        const { unprocessed } = await put(batch);
        if (unprocessed.length === 0) break;
        if (attempt >= MAX_ATTEMPTS)
          throw new Error(`${unprocessed.length} items left unprocessed`);
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}
