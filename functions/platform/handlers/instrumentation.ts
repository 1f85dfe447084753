import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy, { type MiddlewareObj } from "@middy/core";
import type { Context } from "aws-lambda";
import { configFor } from "../function-environment.ts";
import type { FunctionDefinition } from "../manifest-types.ts";
import { logger, metrics, tracer } from "../powertools.ts";

/**
 * Checks the function's environment against its manifest entry on its first invocation (a
 * missing variable fails with `<id>: missing NAME`, after that it is a lookup), and names the
 * function on every log line as `function: <manifest id>`. On AWS `service` says the same
 * (POWERTOOLS_SERVICE_NAME per function); the local stack runs every handler in one process
 * with one logger, whose `service` is a reserved key that cannot change per invocation.
 */
function functionContext<TEvent, TResult>(
  definition: FunctionDefinition,
): MiddlewareObj<TEvent, TResult, Error, Context> {
  return {
    before: () => {
      logger.appendKeys({ function: definition.id });
      try {
        configFor(definition);
      } catch (error) {
        logger.error("configuration refused", { error: error as Error });
        throw error;
      }
    },
  };
}

/**
 * The chain every handler kind shares, in the middy order (tracer → logger → metrics): one trace
 * segment, the Lambda context and the function on every log line with the keys of the last
 * invocation reset, metrics flushed at the end. The kind's factory adds the handler.
 */
export function instrumented<TEvent, TResult>(definition: FunctionDefinition) {
  return middy<TEvent, TResult, Error, Context>({ timeoutEarlyResponse: timedOut(definition) })
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(functionContext<TEvent, TResult>(definition));
}

/**
 * Middy ends an invocation a moment before Lambda would; its own error says only "aborted", so
 * this one names the function (the local stack runs every function in one process).
 */
function timedOut(definition: FunctionDefinition): () => never {
  return () => {
    const error = new Error(
      `${definition.id} ran out of time (${definition.timeoutSeconds ?? 3} s)`,
    );
    error.name = "TimeoutError";
    throw error;
  };
}

/** Tenant on the log lines and trace of what follows, until the invocation ends or it changes. */
export function tagTenant(tenantId: string): void {
  logger.appendKeys({ tenantId });
  tracer.putAnnotation("tenantId", tenantId);
}

/** No tenant from here on (the next record of a batch may have none). */
export function untagTenant(): void {
  logger.removeKeys(["tenantId"]);
}
