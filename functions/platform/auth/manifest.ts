import type { FunctionDefinition } from "../manifest-types.ts";

export const apiAuthorizer: FunctionDefinition = {
  id: "api-authorizer",
  description: "Verifies bearer tokens and resolves integrators' tenant and jurisdiction",
  handler: "functions/platform/auth/api-authorizer.handler.ts",
  authorizer: true,
  table: "read",
  memoryMb: 256,
  timeoutSeconds: 5,
};
