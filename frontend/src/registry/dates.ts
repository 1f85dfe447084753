/**
 * The city's time zone. Every time on screen is the city's wall-clock time, whatever zone the
 * browser (or a test machine) is in: deadlines and audit times are read against local law.
 */
export const CITY_TIME_ZONE = "Asia/Shanghai";

const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: CITY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function cityParts(iso: string): Record<string, string> | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `YYYY-MM-DD` of an ISO timestamp in Asia/Shanghai. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const p = cityParts(iso);
  return p ? `${p.year}-${p.month}-${p.day}` : iso;
}

/** `YYYY-MM-DD HH:mm` of an ISO timestamp in Asia/Shanghai. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const p = cityParts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso;
}

/** Whether a due date has passed. */
export function isOverdue(iso: string | null | undefined, now = Date.now()): boolean {
  return iso ? new Date(iso).getTime() < now : false;
}
