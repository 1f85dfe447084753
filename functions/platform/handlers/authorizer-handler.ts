import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from "aws-lambda";
import type { FunctionDefinition } from "../manifest-types.ts";
import { instrumented } from "./instrumentation.ts";

export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<Record<string, string>>;

/**
 * The HTTP API's Lambda authorizer (simple responses). Throwing `Unauthorized` is API Gateway's
 * 401; the chain rethrows it unchanged.
 */
export function authorizerHandler(
  definition: FunctionDefinition,
  handle: (event: APIGatewayRequestAuthorizerEventV2) => Promise<AuthorizerResult>,
) {
  return instrumented<APIGatewayRequestAuthorizerEventV2, AuthorizerResult>(definition).handler(
    (event) => handle(event),
  );
}
