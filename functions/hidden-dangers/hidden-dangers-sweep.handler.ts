import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { hiddenDangersSweep } from "./manifest.ts";
import { raiseOverdueDangers } from "./overdue.ts";

/**
 * The `hidden-dangers-sweep` schedule. Idempotent and safe to kill midway: each danger's
 * warning is its own conditional unit of work, so a re-run does the rest.
 */
export const handler = scheduleHandler(hiddenDangersSweep, async (event) => {
  await raiseOverdueDangers(functionStore(), new Date(event.time ?? Date.now()));
});
