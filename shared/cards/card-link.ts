import { DomainError, type ErrorCode } from "../errors.ts";
import type { RiskSource } from "../risk/risk-source.ts";

const DAY = 24 * 60 * 60 * 1000;
/** A posted card keeps working this long after the source's review falls due. */
export const REVIEW_GRACE_DAYS = 30;
/** An ungraded source's card (or one whose review is far off) still links for at least this. */
export const MIN_LINK_DAYS = 30;

/**
 * When the QR link printed on a card stops working: a month after the source's next review is
 * due. A source reviewed in time gets a new assessment, hence a new card with a new link; an
 * overdue one's posted card stops vouching for a grade nobody has confirmed.
 */
export function linkExpiryOf(source: Pick<RiskSource, "nextReviewAt">, now: Date): Date {
  const floor = now.getTime() + MIN_LINK_DAYS * DAY;
  const due = source.nextReviewAt ? Date.parse(source.nextReviewAt) + REVIEW_GRACE_DAYS * DAY : 0;
  return new Date(Math.max(floor, due));
}

export class CardLinkInvalidError extends DomainError {
  readonly code: ErrorCode = "cardLink.invalid";
  constructor() {
    super({ zh: "风险告知卡链接无效", en: "Not a valid risk card link" });
  }
}

export class CardLinkExpiredError extends DomainError {
  readonly code: ErrorCode = "cardLink.expired";
  constructor() {
    super({
      zh: "风险告知卡链接已过期，请以现场最新告知卡为准",
      en: "This risk card link has expired; see the card currently posted on site",
    });
  }
}
