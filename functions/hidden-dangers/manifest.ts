import { hiddenDangersContract } from "../../shared/contracts/hidden-dangers.ts";
import { publicReportsContract } from "../../shared/contracts/public-reports.ts";
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

/**
 * Public reports from a source's QR page and their moderation: its own function, because the
 * public route verifies card links (the card-link secret) and no other hidden-danger route may.
 */
export const publicReportsApi: FunctionDefinition = {
  id: "public-reports-api",
  description: "Hidden dangers reported by the public from a card's QR page, and their moderation",
  handler: "functions/hidden-dangers/public-reports-api.handler.ts",
  routes: publicReportsContract,
  table: "readWrite",
  signsCardLinks: true,
  memoryMb: 512,
  timeoutSeconds: 29,
};
