import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "aws-lambda";

const invocation = new AsyncLocalStorage<Context>();

/**
 * Runs one Lambda invocation with its context at hand for what needs the time left, e.g.
 * idempotency: a record left `INPROGRESS` by an invocation that died (timeout, crash) expires
 * when the invocation's time runs out rather than after the record's 24 hours. Local invocations
 * run concurrently in one process, hence a context per async call chain, not one shared setting.
 */
export function withLambdaContext<T>(context: Context, run: () => T): T {
  return invocation.run(context, run);
}

/** The context of the invocation this code runs in; undefined outside `withLambdaContext`. */
export function currentLambdaContext(): Context | undefined {
  return invocation.getStore();
}
