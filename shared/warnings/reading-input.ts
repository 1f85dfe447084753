import * as z from "zod";

/** Readings per request (批量上报): a sensor gateway sends a minute of its sensors at once. */
export const READINGS_PER_BATCH = 1000;

/** How far ahead of the server's clock a reading may be stamped (clock skew of gateways). */
export const FUTURE_SKEW_SECONDS = 300;

export const ReadingInputSchema = z.strictObject({
  indicatorId: z.string().min(1).max(200),
  /** When the value was measured (ISO 8601, with offset). */
  at: z.iso.datetime({ offset: true }),
  value: z.number().finite(),
});
export type ReadingInput = z.infer<typeof ReadingInputSchema>;

/** The batch is checked as a list; each reading on its own, so good ones are kept. */
export const ReadingsBatchSchema = z.strictObject({
  readings: z.array(z.unknown()).min(1).max(READINGS_PER_BATCH),
});

export const RejectedReadingSchema = z.object({
  index: z.number().int().nonnegative(),
  /** `riskSource.removed`: the indicator's source was deleted; its readings go nowhere. */
  code: z.enum(["reading.invalid", "reading.inFuture", "indicator.notFound", "riskSource.removed"]),
  message: z.object({ zh: z.string(), en: z.string() }),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RejectedReading = z.infer<typeof RejectedReadingSchema>;

export const ReadingsResultSchema = z.object({
  /** New readings: applied to their indicator's state (or archived only, when late). */
  accepted: z.number().int().nonnegative(),
  /** Readings of an (indicator, timestamp) already received: nothing done again (idempotent). */
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(RejectedReadingSchema),
});
export type ReadingsResult = z.infer<typeof ReadingsResultSchema>;

/** Validates one reading: its shape, then its time against the server's clock. */
export function checkReading(
  index: number,
  raw: unknown,
  now: Date,
):
  | { ok: true; reading: ReadingInput & { index: number } }
  | { ok: false; rejected: RejectedReading } {
  const parsed = ReadingInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      rejected: {
        index,
        code: "reading.invalid",
        message: { zh: "读数格式无效", en: "Invalid reading" },
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
    };
  }
  const at = Date.parse(parsed.data.at);
  if (at > now.getTime() + FUTURE_SKEW_SECONDS * 1000) {
    return {
      ok: false,
      rejected: {
        index,
        code: "reading.inFuture",
        message: { zh: "读数时间晚于当前时间", en: "Reading time is in the future" },
      },
    };
  }
  return {
    ok: true,
    reading: { ...parsed.data, at: new Date(at).toISOString(), index },
  };
}
