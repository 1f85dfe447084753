import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type * as z from "zod";
import { type ErrorCode, type FieldIssue, ValidationError } from "../../../shared/errors.ts";
import type { HttpRoute } from "../manifest-types.ts";
import { issuesFromZod } from "./problem.ts";

/** API Gateway's own limit is 10 MB; product bodies are capped at 1 MB (issue: bodies over 1 MB → 413). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class PayloadTooLargeError extends ValidationError {
  override readonly code: ErrorCode = "request.tooLarge";
}

export class UnsupportedMediaTypeError extends ValidationError {
  override readonly code: ErrorCode = "request.unsupportedMediaType";
}

function parseWith<T>(
  schema: z.ZodType<T> | undefined,
  input: unknown,
  prefix: string,
  issues: FieldIssue[],
): T | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  issues.push(...issuesFromZod(result.error, input, prefix));
  return undefined;
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body ?? "";
  const text = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError({ zh: "请求体超过 1 MB", en: "Request body exceeds 1 MB" });
  }
  const contentType = event.headers["content-type"] ?? "";
  if (text.length > 0 && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError({
      zh: "请求体须为 application/json",
      en: "Request body must be application/json",
    });
  }
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError(
      { zh: "请求体不是合法的 JSON", en: "Request body is not valid JSON" },
      [
        {
          path: "body",
          code: "invalid_json",
          message: { zh: "JSON 解析失败", en: "JSON parse error" },
        },
      ],
    );
  }
}

export interface ParsedRequest {
  body: unknown;
  query: unknown;
  params: unknown;
}

/** Validates body, query and path parameters together so the caller sees every field issue at once. */
export function parseRequest(route: HttpRoute, event: APIGatewayProxyEventV2): ParsedRequest {
  const issues: FieldIssue[] = [];
  const schemas = route.request ?? {};
  const body = schemas.body
    ? parseWith(schemas.body, readJsonBody(event), "body", issues)
    : undefined;
  const query = parseWith(schemas.query, event.queryStringParameters ?? {}, "query", issues);
  const params = parseWith(schemas.params, event.pathParameters ?? {}, "params", issues);
  if (issues.length > 0) {
    throw new ValidationError({ zh: "请求参数校验失败", en: "Request validation failed" }, issues);
  }
  return { body, query, params };
}
