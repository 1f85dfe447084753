import { warningRuleSetsContract } from "../../shared/contracts/warning-rule-sets.ts";
import { warningsContract } from "../../shared/contracts/warnings.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** The routes the warnings function implements: the warnings and the rules they follow. */
export const warningsRoutes = { ...warningsContract, ...warningRuleSetsContract } as const;

/**
 * Monitoring and warnings: indicators, readings (archived to the bucket in batches, through
 * Kinesis Data Firehose on AWS), the warnings inbox and its handling steps, escalation deadlines,
 * the versions of the warning rules.
 */
export const warningsApi: FunctionDefinition = {
  id: "warnings-api",
  description:
    "Indicators, sensor readings, warnings and their handling, escalation deadlines, rule versions",
  handler: "functions/warnings/warnings-api.handler.ts",
  routes: warningsRoutes,
  table: "readWrite",
  bucket: "readWrite",
  archivesReadings: true,
  memoryMb: 1024,
  timeoutSeconds: 29,
};

/** Every minute: escalation along the responsibility chain and the staleness check. */
export const warningsSweep: FunctionDefinition = {
  id: "warnings-sweep",
  description: "Escalates warnings past their deadline; raises warnings for sensors gone quiet",
  handler: "functions/warnings/warnings-sweep.handler.ts",
  schedules: ["warnings-sweep"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 55,
};
