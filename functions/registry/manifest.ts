import { registryContract } from "../../shared/contracts/registry.ts";
import { supervisionChangeContract } from "../../shared/contracts/supervision-changes.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** The routes the registry function implements. */
export const registryRoutes = { ...registryContract, ...supervisionChangeContract } as const;

export const registryApi: FunctionDefinition = {
  id: "registry-api",
  description:
    "Risk registry and grading: enterprises, risk sources, assessments, review, supervision changes",
  handler: "functions/registry/registry-api.handler.ts",
  routes: registryRoutes,
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 15,
};
