import { warningsContract } from "../../shared/contracts/warnings.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/**
 * Monitoring and warnings: indicators, readings (archived to the bucket in batches, through
 * Kinesis Data Firehose on AWS), the warnings inbox and its handling steps, escalation deadlines.
 */
export const warningsApi: FunctionDefinition = {
  id: "warnings-api",
  description: "Indicators, sensor readings, warnings and their handling, escalation deadlines",
  handler: "functions/warnings/warnings-api.handler.ts",
  routes: warningsContract,
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
