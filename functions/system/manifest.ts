import { systemContract } from "../../shared/contracts/system.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

export const systemApi: FunctionDefinition = {
  id: "system-api",
  description: "Health, OpenAPI document, API docs page and the caller's own profile",
  handler: "functions/system/system-api.handler.ts",
  routes: systemContract,
  table: "read",
  bucket: "read",
  memoryMb: 256,
  timeoutSeconds: 10,
};
