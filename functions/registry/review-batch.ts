import type { BatchReviewInput, BatchReviewResult } from "../../shared/risk/review-queue.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import {
  isDomainError,
  type Language,
  problemBody,
  problemFromDomainError,
} from "../platform/http/problem.ts";
import { reviewAssessment } from "./assessments.ts";

/**
 * Several decisions in one request (批量审核): each is the single review of its assessment —
 * its own version check (its If-Match), its own transaction, its own audit record — so one
 * refused decision changes nothing of its own and does not stop the others. Each answers the
 * status and body the single route would; decisions run one after another.
 */
export async function reviewBatch(
  caller: Caller,
  scope: Scope,
  input: BatchReviewInput,
  language: Language,
  now = new Date(),
): Promise<BatchReviewResult> {
  const items: BatchReviewResult["items"] = [];
  for (const { id, version, ...decision } of input.items) {
    try {
      const assessment = await reviewAssessment(caller, scope, id, decision, version, now);
      items.push({ id, status: 200, assessment });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problem = problemBody(problemFromDomainError(error), language);
      items.push({ id, status: problem.status, problem });
    }
  }
  return { items };
}
