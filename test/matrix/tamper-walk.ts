import { isDeepStrictEqual } from "node:util";
import type { ApiCaller } from "../support/stack-client.ts";

type Reply = Awaited<ReturnType<ApiCaller["call"]>>;

/** One tampered request of a cell, and how its answer is judged. */
export interface Probe {
  label: string;
  /** The tenants whose partitions the request must leave as they were. */
  tenants: readonly string[];
  send(): Promise<Reply>;
  /** Whether, given its answer, the request must have written nothing (a refusal). */
  mustNotWrite(reply: Reply): boolean;
  /** What the answer itself shows to be wrong (status, leaks); the table is judged by the walk. */
  judge(reply: Reply): string[];
  /** The stored target, equal before and after. */
  stored?: () => Promise<unknown>;
}

/** A cell's probes, prepared on fresh targets at each call; `alone` for cases with shared state. */
export interface ProbeSource {
  alone: boolean;
  prepare(): Promise<Probe[]>;
}

/** Reads the partitions of the tenants into a digest: equal before and after = no write. */
export type Census = (tenants: readonly string[]) => Promise<string>;

/**
 * Walks the cells `width` at a time: prepares each group, takes one census, sends the group's
 * requests together and takes another. A census read per request made this walk grow with the
 * square of the routes (every case adds to the partitions each census reads); one per group
 * keeps the same check. When a group's table changed and one of its answers was a refusal, each
 * of its cells runs again alone on fresh targets, so a write is still named by its request (an
 * accepted listing may write its audit record; background bookkeeping is left out by the census).
 */
export async function tamperWalk(
  sources: readonly ProbeSource[],
  census: Census,
  width: number,
): Promise<string[]> {
  const failures: string[] = [];
  for (let at = 0; at < sources.length; at += width) {
    const group = sources.slice(at, at + width);
    for (const source of group.filter((s) => s.alone)) {
      failures.push(...(await runAlone(source, census, "all")));
    }
    const together = group.filter((s) => !s.alone);
    if (together.length === 0) continue;
    const probes = (await Promise.all(together.map((s) => s.prepare()))).flat();
    const tenants = [...new Set(probes.flatMap((p) => p.tenants))];
    const before = await census(tenants);
    const storedBefore = await Promise.all(probes.map((p) => p.stored?.()));
    const replies = await Promise.all(probes.map((p) => p.send()));
    const storedAfter = await Promise.all(probes.map((p) => p.stored?.()));
    const after = await census(tenants);
    probes.forEach((probe, i) => {
      const reply = replies[i] as Reply;
      failures.push(...probe.judge(reply));
      if (!isDeepStrictEqual(storedBefore[i], storedAfter[i]) && probe.mustNotWrite(reply)) {
        failures.push(`${probe.label}: refused, yet the target changed`);
      }
    });
    const refusedOne = probes.some((p, i) => p.mustNotWrite(replies[i] as Reply));
    if (before !== after && refusedOne) {
      for (const source of together) failures.push(...(await runAlone(source, census, "table")));
    }
  }
  return failures;
}

/** One cell's probes one at a time, a census around each request. */
async function runAlone(
  source: ProbeSource,
  census: Census,
  report: "all" | "table",
): Promise<string[]> {
  const failures: string[] = [];
  for (const probe of await source.prepare()) {
    const before = [await probe.stored?.(), await census(probe.tenants)];
    const reply = await probe.send();
    const after = [await probe.stored?.(), await census(probe.tenants)];
    if (report === "all") failures.push(...probe.judge(reply));
    if (probe.mustNotWrite(reply) && !isDeepStrictEqual(before, after)) {
      failures.push(`${probe.label}: refused, yet the table changed`);
    }
  }
  return failures;
}
