import type { FunctionDefinition } from "../manifest-types.ts";

/**
 * How long API Gateway keeps an authorizer's success for a token (the HTTP API's result cache);
 * the local gateway keeps it as long. A disabled user or integrator is refused after it at most.
 */
export const AUTHORIZER_CACHE_SECONDS = 60;

export const apiAuthorizer: FunctionDefinition = {
  id: "api-authorizer",
  description: "Verifies bearer tokens and resolves integrators' tenant and jurisdiction",
  handler: "functions/platform/auth/api-authorizer.handler.ts",
  authorizer: true,
  table: "read",
  memoryMb: 256,
  timeoutSeconds: 5,
};
