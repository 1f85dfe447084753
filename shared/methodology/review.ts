import { GradingInputError } from "./errors.ts";
import type { Level } from "./levels.ts";
import type { MethodProfile } from "./profiles/profile-schema.ts";

const DAY_MS = 86_400_000;

/**
 * When a source graded `level` at `gradedAt` is due for review: the profile's cadence for the
 * level (defaults 30/90/180/365 days, domain.md §4) added to the accepted grading time. Returns
 * a full ISO 8601 UTC timestamp (take `.slice(0, 10)` for the UTC calendar date).
 */
export function reviewDueAt(
  level: Level,
  gradedAt: Date | string,
  profile: Pick<MethodProfile, "reviewCadenceDays">,
): string {
  const start = typeof gradedAt === "string" ? Date.parse(gradedAt) : gradedAt.getTime();
  if (Number.isNaN(start))
    throw new GradingInputError([
      {
        code: "grading.invalidDate",
        path: "gradedAt",
        message: { zh: "评估时间不是有效的日期", en: "gradedAt is not a valid date" },
      },
    ]);
  return new Date(start + profile.reviewCadenceDays[level] * DAY_MS).toISOString();
}
