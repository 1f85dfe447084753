import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { logger, metrics } from "../platform/powertools.ts";
import { statsReconcile } from "./manifest.ts";
import { reconcileStats } from "./reconcile.ts";

/** Logs every drifting counter and counts them (an alarm on `StatsDrift` > 0 pages an operator). */
export const handler = scheduleHandler(statsReconcile, async () => {
  const drift = await reconcileStats(functionStore());
  metrics.addMetric("StatsDrift", MetricUnit.Count, drift.length);
  if (drift.length > 0) logger.error("statistics drift", { drift: drift.slice(0, 100) });
  return { drift: drift.length };
});
