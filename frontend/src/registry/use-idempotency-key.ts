import { useCallback, useRef } from "react";
import { newIdempotencyKey } from "../api/registry/etag.ts";

/**
 * One `Idempotency-Key` per submission: a retry of the same body (after a network error or a
 * 5xx) reuses it, so the server answers with the first result instead of writing twice; a
 * changed body or a definite answer starts a new one.
 */
export function useIdempotencyKey() {
  const pending = useRef<{ key: string; body: string }>(undefined);
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (pending.current?.body !== text) pending.current = { key: newIdempotencyKey(), body: text };
    return pending.current.key;
  }, []);
  const settle = useCallback(() => {
    pending.current = undefined;
  }, []);
  return { keyFor, settle };
}
