import * as z from "zod";
import { type HttpRoute, type Manifest, routesOf } from "../manifest-types.ts";
import { openApiWebhooks } from "./openapi-webhooks.ts";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: "object",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string" },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "code", "message"],
        properties: {
          path: { type: "string" },
          code: { type: "string" },
          message: {
            type: "object",
            properties: { zh: { type: "string" }, en: { type: "string" } },
          },
          allowed: { type: "array", items: { type: ["string", "number"] } },
        },
      },
    },
  },
};

function parameters(route: HttpRoute): JsonSchema[] {
  const params = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = route.request?.query ? jsonSchema(route.request.query, "input") : undefined;
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required ?? []) as string[]);
  const queryParams = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema,
  }));
  const headers = (route.request?.headers ?? []).map((name) => ({
    name,
    in: "header",
    required: true,
    schema: { type: "string" },
  }));
  return [...params, ...queryParams, ...headers];
}

function operation(route: HttpRoute): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(
    route.responses ?? { 200: { description: "OK" } },
  )) {
    const contentType = response.contentType ?? "application/json";
    responses[status] = {
      description: response.description,
      content: {
        [contentType]: response.schema ? { schema: jsonSchema(response.schema, "output") } : {},
      },
    };
  }
  responses.default = {
    description: "Problem (RFC 9457)",
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
  return {
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: route.tags ?? [],
    security: route.access === "public" ? [] : [{ bearer: [] }],
    ...(route.access === "public" ? {} : { "x-cityrisk-roles": route.access.roles }),
    parameters: parameters(route),
    ...(route.request?.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(route.request.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** OpenAPI 3.1 generated from the manifest: every route, its roles and its zod schemas. */
export function openApiDocument(manifest: Manifest, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const fn of manifest) {
    for (const route of routesOf(fn)) {
      paths[route.path] ??= {};
      (paths[route.path] as Record<string, JsonSchema>)[route.method.toLowerCase()] =
        operation(route);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "CityRisk 城市安全风险云 API",
      version,
      description: "Multi-tenant city safety-risk management. Errors are RFC 9457 problem+json.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
    paths,
    webhooks: openApiWebhooks(),
  };
}
