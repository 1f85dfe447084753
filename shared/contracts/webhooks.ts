import * as z from "zod";
import { pageOf } from "../risk/list-query.ts";
import { AttemptLogSchema, DeliverySchema } from "../webhooks/delivery.ts";
import {
  EndpointCreateInputSchema,
  EndpointSecretViewSchema,
  EndpointUpdateInputSchema,
  EndpointViewSchema,
} from "../webhooks/endpoint.ts";
import { api, type Contract, problem } from "./route.ts";

/**
 * Who keeps webhook endpoints: an enterprise's admin and its own systems (its tenant's events),
 * the city admin and government platforms' integrators (their jurisdiction's) — the same people
 * who register integrators (shared/contracts/tenancy-integrators.ts).
 */
const KEEPERS = ["enterpriseAdmin", "cityAdmin", "integrator"] as const;
const tags = ["webhooks"] as const;

const EndpointParams = z.strictObject({ id: z.string().min(1).max(200) });
const DeliveryParams = z.strictObject({
  id: z.string().min(1).max(200),
  deliveryId: z.string().min(1).max(200),
});
const PageQuery = z.strictObject({
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const DeliveryQuery = PageQuery.extend({ status: DeliverySchema.shape.status.optional() });
const ReplayInput = z.strictObject({ since: z.iso.datetime() });
const ReplayedSchema = z.object({ replayed: z.number().int().nonnegative() });

const notFound = problem("No such endpoint within reach");

const endpointRoute = <const M extends "GET" | "PATCH" | "DELETE">(method: M) =>
  ({ method, path: api("/webhook-endpoints/{id}"), access: { roles: KEEPERS }, tags }) as const;

export const webhooksContract = {
  listEndpoints: {
    method: "GET",
    path: api("/webhook-endpoints"),
    access: { roles: KEEPERS },
    summary: "The caller's webhook endpoints (Webhook 接收地址)",
    tags,
    request: { query: PageQuery },
    responses: { 200: { description: "Endpoints", schema: pageOf(EndpointViewSchema) } },
  },
  createEndpoint: {
    method: "POST",
    path: api("/webhook-endpoints"),
    access: { roles: KEEPERS },
    summary:
      "Register an endpoint for event types (Standard Webhooks v1); the answer carries its signing secret, once",
    tags,
    request: { body: EndpointCreateInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: { description: "Registered, with its secret", schema: EndpointSecretViewSchema },
      400: problem("Not a URL the product may call, or an unknown event type"),
    },
  },
  getEndpoint: {
    ...endpointRoute("GET"),
    summary: "A webhook endpoint",
    request: { params: EndpointParams },
    responses: { 200: { description: "The endpoint", schema: EndpointViewSchema }, 404: notFound },
  },
  updateEndpoint: {
    ...endpointRoute("PATCH"),
    summary: "Change an endpoint's URL, event types or filters; disable or enable it (If-Match)",
    request: { params: EndpointParams, body: EndpointUpdateInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "Changed", schema: EndpointViewSchema },
      400: problem("Not a URL the product may call"),
      404: notFound,
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
  deleteEndpoint: {
    ...endpointRoute("DELETE"),
    summary: "Delete an endpoint; its pending deliveries are dropped",
    request: { params: EndpointParams },
    responses: { 204: { description: "Deleted" }, 404: notFound },
  },
  rotateSecret: {
    method: "POST",
    path: api("/webhook-endpoints/{id}/rotate-secret"),
    access: { roles: KEEPERS },
    summary:
      "A new signing secret, shown once; the old one keeps signing beside it for 24 hours (space-separated signatures)",
    tags,
    request: { params: EndpointParams },
    responses: {
      200: { description: "The new secret", schema: EndpointSecretViewSchema },
      404: notFound,
    },
  },
  listDeliveries: {
    method: "GET",
    path: api("/webhook-endpoints/{id}/deliveries"),
    access: { roles: KEEPERS },
    summary: "An endpoint's deliveries, newest first, each with its last attempt",
    tags,
    request: { params: EndpointParams, query: DeliveryQuery },
    responses: {
      200: { description: "Deliveries", schema: pageOf(DeliverySchema) },
      404: notFound,
    },
  },
  listAttempts: {
    method: "GET",
    path: api("/webhook-endpoints/{id}/attempts"),
    access: { roles: KEEPERS },
    summary: "The delivery log: every attempt, newest first (status code, duration, error)",
    tags,
    request: { params: EndpointParams, query: PageQuery },
    responses: {
      200: { description: "Attempts", schema: pageOf(AttemptLogSchema) },
      404: notFound,
    },
  },
  replayDelivery: {
    method: "POST",
    path: api("/webhook-endpoints/{id}/deliveries/{deliveryId}/replay"),
    access: { roles: KEEPERS },
    summary: "Send one message again (same webhook-id), with a fresh retry schedule",
    tags,
    request: { params: DeliveryParams },
    responses: {
      202: { description: "Due again at once", schema: DeliverySchema },
      404: problem("No such delivery within reach"),
    },
  },
  replayFailed: {
    method: "POST",
    path: api("/webhook-endpoints/{id}/replay"),
    access: { roles: KEEPERS },
    summary: "Send again every failed message of the endpoint since a time",
    tags,
    request: { params: EndpointParams, body: ReplayInput },
    responses: {
      202: { description: "How many are due again", schema: ReplayedSchema },
      404: notFound,
    },
  },
} as const satisfies Contract;
