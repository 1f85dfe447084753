import * as z from "zod";
import { pageOf } from "../risk/list-query.ts";
import { api, type Contract } from "./route.ts";

const tags = ["passes"] as const;

/** A scheduled pass's progress (review-due, re-evaluation), from its segments' checkpoints. */
export const PassProgressSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  startedAt: z.iso.datetime(),
  segments: z.number().int().nonnegative(),
  segmentsDone: z.number().int().nonnegative(),
  /** Sources looked at so far, and of those the ones acted on (announced, re-graded). */
  seen: z.number().int().nonnegative(),
  acted: z.number().int().nonnegative(),
  done: z.boolean(),
  /** A statistics reconciliation's drifting counters, once every segment has ended (must be 0). */
  drift: z.number().int().nonnegative().optional(),
});

/** The city's scheduled passes, for the city administrator. */
export const passesContract = {
  listPasses: {
    method: "GET",
    path: api("/passes"),
    access: { roles: ["cityAdmin"] },
    summary: "Scheduled passes over the city, newest first, with their progress",
    tags,
    request: {
      query: z.strictObject({
        cursor: z.string().max(4000).optional(),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
    },
    responses: { 200: { description: "A page", schema: pageOf(PassProgressSchema) } },
  },
  getPass: {
    method: "GET",
    path: api("/passes/{id}"),
    access: { roles: ["cityAdmin"] },
    summary: "One pass's progress: segments done, sources seen and acted on",
    tags,
    request: { params: z.strictObject({ id: z.string().min(1).max(200) }) },
    responses: {
      200: { description: "The pass", schema: PassProgressSchema },
      404: { description: "No such pass" },
    },
  },
} as const satisfies Contract;
