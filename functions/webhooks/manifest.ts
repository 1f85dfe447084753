import { webhooksContract } from "../../shared/contracts/webhooks.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/** Webhook endpoints of enterprises and government platforms, their delivery log and replays. */
export const webhooksApi: FunctionDefinition = {
  id: "webhooks-api",
  description: "Webhook endpoints, secrets, delivery log and replays",
  handler: "functions/webhooks/webhooks-api.handler.ts",
  routes: webhooksContract,
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 29,
};

/**
 * The `webhooks` queue's consumer: one delivery per matching endpoint, tried at once (and after
 * 5 s). Its timeout leaves room for a 15 s receiver, the 5 s wait and a second 15 s attempt.
 */
export const webhookDelivery: FunctionDefinition = {
  id: "webhook-delivery",
  description: "Delivers product events to matching webhook endpoints (Standard Webhooks v1)",
  handler: "functions/webhooks/webhook-delivery.handler.ts",
  queues: ["webhooks"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 50,
};

/** Every minute: the retry schedule's later attempts, replays and deliveries whose worker died. */
export const webhookRetries: FunctionDefinition = {
  id: "webhook-retries",
  description: "Attempts webhook deliveries that are due: retries, replays, lost attempts",
  handler: "functions/webhooks/webhook-retries.handler.ts",
  schedules: ["webhook-retries"],
  table: "readWrite",
  memoryMb: 512,
  timeoutSeconds: 55,
};
