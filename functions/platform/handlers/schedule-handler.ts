import type { Context, ScheduledEvent } from "aws-lambda";
import type { FunctionDefinition } from "../manifest-types.ts";
import { instrumented } from "./instrumentation.ts";

/** A function EventBridge Scheduler invokes with the scheduled event (function-triggers.ts). */
export function scheduleHandler<Report = void>(
  definition: FunctionDefinition,
  handle: (event: ScheduledEvent, context: Context) => Promise<Report>,
) {
  return instrumented<ScheduledEvent, Report>(definition).handler((event, context) =>
    handle(event, context),
  );
}
