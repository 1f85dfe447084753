import { Cron } from "croner";
import { type ScheduleDefinition, toCronerPattern } from "../../../events/schedules.ts";
import type { FunctionDefinition } from "../../../functions/platform/manifest-types.ts";
import { describeError } from "./describe-error.ts";
import { createLambdaContext } from "./lambda-context.ts";
import {
  loadHandler as defaultLoadHandler,
  type InvokableHandler,
  type LoadHandler,
} from "./load-handler.ts";
import { LOCAL_ACCOUNT, LOCAL_REGION, type RunnerLogger } from "./local-account.ts";
import { scheduledEvent } from "./scheduled-event.ts";

export interface SchedulerOptions {
  schedules: readonly ScheduleDefinition[];
  /** Functions without `schedules` are ignored. */
  functions: readonly FunctionDefinition[];
  loadHandler?: LoadHandler;
  /** Build the targets but never fire on the clock (tests use `fire`). Default false. */
  paused?: boolean;
  region?: string;
  account?: string;
  logger?: RunnerLogger;
}

export interface Scheduler {
  /** Invokes every function subscribed to `scheduleId` now; rejects if any handler throws. */
  fire(scheduleId: string, time?: Date): Promise<void>;
  /** Next fire time per schedule id (undefined when paused or never). */
  nextRuns(): Record<string, Date | undefined>;
  stop(): Promise<void>;
}

interface Target {
  definition: FunctionDefinition;
  handler: InvokableHandler;
}

/**
 * The local stand-in for EventBridge Scheduler: croner runs each schedule's `cron(...)` in its
 * timezone and invokes the subscribed handlers with a scheduled event. A failed run is logged; it
 * is not retried (Scheduler's retry policy is AWS-only).
 */
export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const logger = options.logger ?? console;
  const region = options.region ?? LOCAL_REGION;
  const account = options.account ?? LOCAL_ACCOUNT;
  const load = options.loadHandler ?? defaultLoadHandler;
  const known = new Map(options.schedules.map((s) => [s.id, s]));
  const targets = new Map<string, Target[]>();
  for (const definition of options.functions) {
    for (const scheduleId of definition.schedules ?? []) {
      if (!known.has(scheduleId)) {
        throw new Error(`function ${definition.id} uses unknown schedule ${scheduleId}`);
      }
      const list = targets.get(scheduleId) ?? [];
      list.push({ definition, handler: await load(definition) });
      targets.set(scheduleId, list);
    }
  }
  const inFlight = new Set<Promise<void>>();
  const jobs = new Map<string, Cron>();
  if (!options.paused) {
    for (const schedule of options.schedules) {
      if (!targets.has(schedule.id)) continue;
      const job = new Cron(
        toCronerPattern(schedule.expression),
        { timezone: schedule.timezone, protect: true },
        () => {
          const run = fire(schedule.id, new Date()).catch((error: unknown) =>
            logger.error(`[schedule] ${schedule.id}: ${describeError(error)}`),
          );
          inFlight.add(run);
          void run.finally(() => inFlight.delete(run));
          return run;
        },
      );
      jobs.set(schedule.id, job);
    }
  }

  async function fire(scheduleId: string, time = new Date()): Promise<void> {
    if (!known.has(scheduleId)) throw new Error(`unknown schedule ${scheduleId}`);
    const results = await Promise.allSettled(
      (targets.get(scheduleId) ?? []).map(async ({ definition, handler }) => {
        await handler(
          scheduledEvent(scheduleId, time, region, account),
          createLambdaContext(definition),
        );
      }),
    );
    const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    if (errors.length > 0) {
      throw new AggregateError(
        errors,
        `schedule ${scheduleId}: ${errors.map(describeError).join("; ")}`,
      );
    }
  }

  return {
    fire,
    nextRuns: () =>
      Object.fromEntries(
        options.schedules.map((s) => [s.id, jobs.get(s.id)?.nextRun() ?? undefined]),
      ),
    async stop() {
      for (const job of jobs.values()) job.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
