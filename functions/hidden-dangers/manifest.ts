import { hiddenDangersContract } from "../../shared/contracts/hidden-dangers.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** Hidden dangers with rectification (隐患排查治理): reports, plans, steps, evidence, statistics. */
export const hiddenDangersApi: FunctionDefinition = {
  id: "hidden-dangers-api",
  description:
    "Hidden dangers: reports, 五到位 plans, rectification to closing, evidence photos, statistics",
  handler: "functions/hidden-dangers/hidden-dangers-api.handler.ts",
  routes: hiddenDangersContract,
  table: "readWrite",
  bucket: "readWrite",
  memoryMb: 1024,
  timeoutSeconds: 29,
};

/** Hourly: dangers past their rectification deadline or 10-day acceptance raise a warning. */
export const hiddenDangersSweep: FunctionDefinition = {
  id: "hidden-dangers-sweep",
  description: "Raises warnings for hidden dangers past their rectification or acceptance deadline",
  handler: "functions/hidden-dangers/hidden-dangers-sweep.handler.ts",
  schedules: ["hidden-dangers-sweep"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 120,
};
