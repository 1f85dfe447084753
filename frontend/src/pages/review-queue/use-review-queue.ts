import { registryKeys } from "../../api/query-keys/registry.ts";
import { listReviewQueue, type ReviewFilters } from "../../api/registry/reviews.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";

/** The officials' queue of submitted assessments, filtered and sorted on the server. */
export function useReviewQueue(filters: ReviewFilters) {
  return useCursorList(registryKeys.reviewList(filters), (client, cursor, signal) =>
    listReviewQueue(client, filters, cursor, signal),
  );
}
