import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import type { FunctionDefinition } from "../../../functions/platform/manifest-types.ts";
import { LOCAL_ACCOUNT, LOCAL_REGION } from "./local-account.ts";

const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 128;

/** A Lambda context for one local invocation; the deadline follows the function's timeout. */
export function createLambdaContext(definition: FunctionDefinition, now = Date.now()): Context {
  const deadline = now + (definition.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const requestId = randomUUID();
  const unsupported = () => {
    throw new Error("callback-style completion is not supported locally; return a promise");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: definition.id,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${definition.id}`,
    memoryLimitInMB: String(definition.memoryMb ?? DEFAULT_MEMORY_MB),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${definition.id}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll("-", "")}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
