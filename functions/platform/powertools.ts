import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";
import { METRICS_NAMESPACE } from "./manifest-types.ts";

/**
 * Observability singletons, created once per process (Powertools examples/app pattern). Their
 * service name is the function's: Powertools reads `POWERTOOLS_SERVICE_NAME`, which the CDK
 * construct sets to the manifest id, so each function logs, counts and traces as itself.
 */
export const logger = new Logger();

/**
 * Metrics report their own notices through the product's logger. Most requests add no metric
 * (only rate limiting and a few domain events do), so the flush's "no application metrics"
 * notice is normal here: it goes to debug instead of a warning line on every invocation.
 */
const detail = (args: unknown[]) => (args.length > 1 ? [{ detail: args.slice(1) }] : []);
const metricsNotices = {
  debug: (...args: unknown[]) => logger.debug(String(args[0]), ...detail(args)),
  info: (...args: unknown[]) => logger.info(String(args[0]), ...detail(args)),
  error: (...args: unknown[]) => logger.error(String(args[0]), ...detail(args)),
  warn: (...args: unknown[]) => {
    const message = String(args[0]);
    if (message.startsWith("No application metrics to publish")) logger.debug(message);
    else logger.warn(message, ...detail(args));
  },
};

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, logger: metricsNotices });
export const tracer = new Tracer();
