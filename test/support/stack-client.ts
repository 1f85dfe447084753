import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type Store, storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { DEMO_PASSWORD } from "../../infra/local/identity/demo-users.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/runners/local-account.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { checkAgainstContract } from "./response-contract.ts";

/** A signed-in caller of a started local stack, speaking JSON over HTTP. */
export interface ApiCaller {
  token: string;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
}

export async function signIn(
  stack: LocalStack,
  email: string,
  password = DEMO_PASSWORD,
): Promise<ApiCaller> {
  const res = await fetch(`${stack.baseUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "cityrisk-web",
      username: email,
      password,
    }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  const { access_token: token } = (await res.json()) as { access_token: string };
  return callerWithToken(stack, token);
}

export function callerWithToken(stack: LocalStack, token: string): ApiCaller {
  return {
    token,
    async call(method, path, options = {}) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // non-JSON answers (CSV, HTML) stay text
      }
      checkAgainstContract(method, path, res.status, res.headers.get("content-type"), body);
      return { status: res.status, headers: res.headers, body };
    },
  };
}

/** The stack's own table, through the product's entity model, for arranging and asserting. */
export function stackStore(stack: LocalStack): Store {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: stack.endpoints.dynamodb,
  });
  return storeFor(client, stack.tableName);
}
