/**
 * A fixed-window counter per key (an e-mail, an address): at most `limit` attempts in each
 * `windowMs`. Local-only brute-force brake for the password forms; Cognito has its own on AWS.
 */
export class Throttle {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for every key; the seconds to wait when any key is over its limit. */
  take(keys: readonly string[]): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      let window = this.#windows.get(key);
      if (!window || now - window.start >= this.windowMs) {
        window = { start: now, count: 0 };
        this.#windows.set(key, window);
      }
      window.count += 1;
      if (window.count > this.limit) wait = Math.max(wait, window.start + this.windowMs - now);
    }
    if (this.#windows.size > 10_000) this.#sweep(now);
    return wait > 0
      ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
      : { allowed: true };
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.windowMs) this.#windows.delete(key);
    }
  }
}
