import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { warningsSweep } from "./manifest.ts";
import { escalationSweep, stalenessSweep } from "./sweep.ts";

/**
 * The `warnings-sweep` schedule (every minute). Both parts are idempotent and safe to kill
 * midway: each change is its own conditional unit of work, so a re-run does the rest.
 */
export const handler = scheduleHandler(warningsSweep, async (event) => {
  const now = new Date(event.time ?? Date.now());
  const store = functionStore();
  await escalationSweep(store, now);
  await stalenessSweep(store, now);
});
