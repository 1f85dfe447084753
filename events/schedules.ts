/**
 * Schedules, declared once. The expression is EventBridge Scheduler's `cron(...)` form; the local
 * scheduler converts it (see `toCronerPattern`) so both targets fire at the same times.
 */
export interface ScheduleDefinition {
  id: string;
  description: string;
  /** EventBridge cron: `cron(minutes hours day-of-month month day-of-week year)`. */
  expression: string;
  timezone: string;
}

/** Product schedules. */
export const schedules: readonly ScheduleDefinition[] = [
  {
    id: "outbox-sweep",
    description: "Retry due outbox messages and deliver those the stream did not carry",
    expression: "cron(* * * * ? *)",
    timezone: "UTC",
  },
  {
    id: "warnings-sweep",
    description:
      "Escalate warnings not acknowledged or resolved in time; raise warnings for sensors gone quiet",
    expression: "cron(* * * * ? *)",
    timezone: "UTC",
  },
  {
    id: "webhook-retries",
    description:
      "Attempt webhook deliveries that are due: the retry schedule after 5 s, replays, attempts whose worker died",
    expression: "cron(* * * * ? *)",
    timezone: "UTC",
  },
  {
    id: "stalled-jobs",
    description:
      "Re-enqueue import, export and report jobs left queued or running without a heartbeat (lost message)",
    // Every 5 minutes; a job counts as stalled after the imports queue's visibility timeout.
    expression: "cron(0/5 * * * ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "review-due",
    description:
      "Daily review-due pass: sources whose periodic review passed announced as review.overdue events, once per due date",
    // 06:00 Beijing, before officials start the day.
    expression: "cron(0 6 * * ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "reevaluation",
    description:
      "Daily re-evaluation sweep: sources still graded under an old or retired profile version re-graded, only changed grades written",
    // 03:00 Beijing, after the nightly reconciliation; publishing or retiring a version starts its own pass at once.
    expression: "cron(0 3 * * ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "statistics-reminder",
    description:
      "Quarterly: every active enterprise reminded of the hidden-danger statistics it is to report (the quarter just ended; in January the year too)",
    // 09:00 Beijing on the first day of each quarter; the statistics are due by the 15th.
    expression: "cron(0 9 1 1,4,7,10 ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "hidden-dangers-sweep",
    description:
      "Hourly: hidden dangers past their rectification deadline or 10-day acceptance raise a warning, once per due date",
    expression: "cron(5 * * * ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "notification-digests",
    description: "Send the digests of warnings held back by rate limits and quiet hours",
    expression: "cron(0/5 * * * ? *)",
    timezone: "Asia/Shanghai",
  },
  {
    id: "stats-reconcile",
    description: "Nightly: statistics recomputed from the registry; any drift from the fold logged",
    expression: "cron(30 2 * * ? *)",
    timezone: "Asia/Shanghai",
  },
];

/**
 * Converts `cron(m h dom mon dow year)` to croner's `m h dom mon dow` pattern. EventBridge
 * numbers weekdays 1–7 from Sunday, croner 0–6, so numeric weekdays shift by one; `?` is `*`.
 */
export function toCronerPattern(expression: string): string {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  if (!match?.[1]) throw new Error(`not an EventBridge cron expression: ${expression}`);
  const fields = match[1].trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron needs 6 fields: ${expression}`);
  const [minute, hour, dom, month, dow] = fields.map((f) => (f === "?" ? "*" : f)) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const weekday = dow.split(",").map(shiftWeekday).join(",");
  return [minute, hour, dom, month, weekday].join(" ");
}

/** Shifts EventBridge's 1–7 weekday numbers to croner's 0–6, keeping `#n` occurrences; `nL` is croner's `n#L`. */
function shiftWeekday(part: string): string {
  const last = /^(\d)L$/.exec(part);
  if (last) return `${Number(last[1]) - 1}#L`;
  const [day = "", occurrence] = part.split("#", 2);
  const shifted = day.replace(/\d+/g, (d) => String(Number(d) - 1));
  return occurrence === undefined ? shifted : `${shifted}#${occurrence}`;
}
