/** One reading as the trend window keeps it: epoch milliseconds and value. */
export type Point = readonly [at: number, value: number];

/**
 * Least-squares line through the points: the value it gives at the newest point's time and its
 * slope per millisecond. Undefined for fewer than two distinct times.
 */
export function fitLine(points: readonly Point[]): { valueNow: number; slope: number } | undefined {
  if (points.length < 2) return undefined;
  const t0 = (points[points.length - 1] as Point)[0];
  let sx = 0;
  let sy = 0;
  for (const [t, v] of points) {
    sx += t - t0;
    sy += v;
  }
  const n = points.length;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const [t, v] of points) {
    const dx = t - t0 - mx;
    sxx += dx * dx;
    sxy += dx * (v - my);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  // Intercept at t0 (the newest time, x = 0).
  return { valueNow: my - slope * mx, slope };
}

/** Milliseconds until the line reaches `target`, or undefined when it moves away or is flat. */
export function timeToReach(
  line: { valueNow: number; slope: number },
  target: number,
): number | undefined {
  if (line.slope === 0) return undefined;
  const ms = (target - line.valueNow) / line.slope;
  return ms >= 0 ? ms : undefined;
}
