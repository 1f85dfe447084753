import type { Context } from "aws-lambda";

/**
 * A read the records of one invocation share: the first record of a batch makes it, the others
 * reuse it, and the next invocation reads again — so nothing is staler than the batch (unlike a
 * container cache, nothing waits out a TTL: a user deactivated before the batch is not sent to).
 * A failed read is forgotten at once, so the next record tries again.
 */
export function invocationMemo<V>(): (
  context: Context | undefined,
  key: string,
  read: () => Promise<V>,
) => Promise<V> {
  const byInvocation = new WeakMap<Context, Map<string, Promise<V>>>();
  return (context, key, read) => {
    if (!context) return read();
    const reads = byInvocation.get(context) ?? new Map<string, Promise<V>>();
    byInvocation.set(context, reads);
    const known = reads.get(key);
    if (known) return known;
    const value = read();
    reads.set(key, value);
    value.catch(() => reads.delete(key));
    return value;
  };
}
