import { registryKeys } from "../../api/query-keys/registry.ts";
import { listReviewQueue } from "../../api/registry/reviews.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";

/** The officials' queue of submitted assessments, page by page. */
export function useReviewQueue() {
  return useCursorList(registryKeys.reviews(), listReviewQueue);
}
