import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { LevelSchema } from "../methodology/levels.ts";
import { isNoJurisdiction, type Jurisdiction } from "../tenancy/claims.ts";
import {
  AssessmentReviewInputSchema,
  AssessmentSchema,
  ReviewQueueItemSchema,
} from "./assessment.ts";

/**
 * How long a submitted assessment may wait for an official's review (审核时限) before the queue
 * calls it overdue: a product default, set here once for the queue, its filter and the dashboards.
 */
export const REVIEW_WAIT_DAYS = 7;

/** The time before which a submission waiting now is overdue. */
export function overdueBefore(now: Date): string {
  return new Date(now.getTime() - REVIEW_WAIT_DAYS * 86_400_000).toISOString();
}

/** Filters, search and order of the review queue (评估审核); they only narrow the scope. */
export const ReviewQueueQuerySchema = z.strictObject({
  district: DistrictCodeSchema.optional(),
  street: z.string().trim().min(1).max(50).optional(),
  industry: IndustryIdSchema.optional(),
  level: LevelSchema.optional(),
  /** `true`: only submissions waiting longer than REVIEW_WAIT_DAYS. */
  overdue: z.enum(["true", "false"]).optional(),
  /** Part of the source's or the enterprise's name. */
  q: z.string().trim().min(1).max(50).optional(),
  /** By submission time; newest first unless asked. */
  order: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuerySchema>;

/** A queue page; `total` (共 N 条) answers the first page only, later pages keep it. */
export const ReviewQueuePageSchema = z.object({
  items: z.array(ReviewQueueItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative().optional(),
});

/** Batch review: up to 50 decisions, each with the version it was read at (its If-Match). */
export const BATCH_REVIEW_MAX = 50;
const decisionOf = { id: z.string().min(1).max(200), version: z.number().int().positive() };
const [acceptInput, returnInput] = AssessmentReviewInputSchema.options;
export const BatchReviewInputSchema = z.strictObject({
  items: z
    .array(
      z.discriminatedUnion("decision", [
        acceptInput.extend(decisionOf),
        returnInput.extend(decisionOf),
      ]),
    )
    .min(1)
    .max(BATCH_REVIEW_MAX),
});
export type BatchReviewInput = z.infer<typeof BatchReviewInputSchema>;

/** Each decision's own outcome: the status a single review would answer, and its body. */
export const BatchReviewResultSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      assessment: AssessmentSchema.optional(),
      problem: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type BatchReviewResult = z.infer<typeof BatchReviewResultSchema>;

/** Which of the three sparse queues one query reads. */
export type QueueIndex =
  | { index: "city" }
  | { index: "district"; district: string }
  | { index: "industry"; industry: string };

/** Places a row must be in (any one of): a district, optionally narrowed to a street. */
export interface PlaceClause {
  district: string;
  street?: string;
}

/**
 * The one query of a queue page: the narrowest queue holding everything the scope and the
 * filters allow, and what the database must still filter in that queue (places, industries).
 * `null` when the filters fall outside the scope (an empty page, no read).
 */
export interface QueuePlan {
  queue: QueueIndex;
  /** Empty: every place in the queue. */
  places: PlaceClause[];
  /** Empty: every industry in the queue. */
  industries: string[];
}

function placesOf(j: Jurisdiction, district?: string, street?: string): PlaceClause[] | null {
  let places: PlaceClause[] = j.citywide || j.districts.length === 0 ? [] : [...j.districts];
  if (district !== undefined) {
    places = places.length === 0 ? [{ district }] : places.filter((p) => p.district === district);
    if (places.length === 0) return null;
  }
  if (street !== undefined) {
    if (places.length === 0) return null; // a street names no place without its district
    places = places
      .filter((p) => p.street === undefined || p.street === street)
      .map((p) => ({ district: p.district, street }));
    if (places.length === 0) return null;
  }
  // A street grant inside a district granted whole adds nothing.
  const whole = new Set(places.filter((p) => p.street === undefined).map((p) => p.district));
  return places.filter((p) => p.street === undefined || !whole.has(p.district));
}

function industriesOf(j: Jurisdiction, industry?: string): string[] | null {
  const granted = j.citywide ? [] : [...new Set(j.industries)];
  if (industry === undefined) return granted;
  return granted.length === 0 || granted.includes(industry) ? [industry] : null;
}

/**
 * Plans the review queue's one query from the caller's jurisdiction and the filters. A single
 * industry reads that department's queue, a single district its district's queue, anything wider
 * the city's; the scope's remaining narrowing goes into the query's filter, so nothing outside
 * the scope is ever returned.
 */
export function planReviewQueue(
  jurisdiction: Jurisdiction,
  filter: Pick<ReviewQueueQuery, "district" | "street" | "industry">,
): QueuePlan | null {
  if (isNoJurisdiction(jurisdiction)) return null;
  const places = placesOf(jurisdiction, filter.district, filter.street);
  const industries = industriesOf(jurisdiction, filter.industry);
  if (places === null || industries === null) return null;
  const [onlyIndustry] = industries;
  if (industries.length === 1 && onlyIndustry !== undefined) {
    return { queue: { index: "industry", industry: onlyIndustry }, places, industries: [] };
  }
  const districts = new Set(places.map((p) => p.district));
  const [onlyDistrict] = districts;
  if (districts.size === 1 && onlyDistrict !== undefined) {
    const streets = places.some((p) => p.street !== undefined) ? places : [];
    return { queue: { index: "district", district: onlyDistrict }, places: streets, industries };
  }
  return { queue: { index: "city" }, places, industries };
}
