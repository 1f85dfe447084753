export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Shown when the wait times out. */
  description?: string;
}

/** Polls `probe` until it returns something other than `undefined`/`false`; rejects on timeout. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${options.description ?? "condition"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
