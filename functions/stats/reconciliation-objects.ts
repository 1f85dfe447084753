import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { Counts } from "../../shared/stats/contribution.ts";

/** Where a reconciliation keeps its objects in the documents bucket (expired after 30 days). */
export const RECONCILIATION_PREFIX = "reconciliation/";

/** What a reconciliation found: the drifting counters, or the first of them. */
export interface DriftReport {
  passId: string;
  checkedAt: string;
  /** Drifting counters in all. */
  total: number;
  /** Of those, in slices folded while the pass ran: possibly a change read halfway, not a bug. */
  moved: number;
  drift: Drift[];
}

/** A counter whose folded value differs from the registry's. */
export interface Drift {
  slice: string;
  counter: string;
  folded: number;
  registry: number;
  /**
   * The slice was folded after the pass started, so the pass may have read a record before its
   * change and the counter after it: look again before chasing a bug.
   */
  movedDuringPass?: true;
}

/** Where a page sits in its segment: its first item's offset, and how many items it held. */
export interface PagePlace {
  segment: string;
  offset: number;
  count: number;
}

/**
 * A reconciliation's objects: each page's partial sums (slice → counters, recomputed from the
 * registry) and the drift report. Sums live in S3, not the table: a page of a district's
 * enterprises touches hundreds of slices, more than an item's 400 KB, and they are read once.
 */
export interface ReconciliationObjects {
  putPartial(passId: string, page: PagePlace, sums: Map<string, Counts>): Promise<void>;
  /**
   * Calls `onPartial` with the sums of each segment's pages from offset 0 to the segment's end
   * (`ends`: segment → items its checkpoint counted), following each page's offset and count.
   * A page left off that chain — kept by a run that stopped before its checkpoint, then read
   * again with other items, or by a second worker on the same segment — is never added.
   */
  forEachPartial(
    passId: string,
    ends: ReadonlyMap<string, number>,
    onPartial: (sums: Map<string, Counts>) => void,
  ): Promise<void>;
  putReport(report: DriftReport): Promise<void>;
  report(passId: string): Promise<DriftReport | undefined>;
}

const partialsOf = (passId: string) => `${RECONCILIATION_PREFIX}${passId}/partials/`;
const reportKey = (passId: string) => `${RECONCILIATION_PREFIX}${passId}/drift.json`;
/** `<segment>/<offset>+<count>.json`: the chain is found from the listing alone. */
const PAGE_KEY = /^(.+)\/(\d+)\+(\d+)\.json$/;

/**
 * The keys on each segment's chain, from the listed page keys: pages that tile the segment from
 * offset 0 to its end. Where a run kept a page and stopped before its checkpoint, the offset has
 * a second page whose count leads nowhere (past the end, or to no page); it is passed over.
 */
export function chainedPages(keys: readonly string[], ends: ReadonlyMap<string, number>): string[] {
  const counts = new Map<string, number[]>();
  for (const key of keys) {
    const match = PAGE_KEY.exec(key);
    if (!match) continue;
    const at = `${match[1]}@${match[2]}`;
    counts.set(at, [...(counts.get(at) ?? []), Number(match[3])]);
  }
  const chainOf = (segment: string, offset: number, end: number): string[] | null => {
    if (offset === end) return [];
    for (const count of counts.get(`${segment}@${offset}`) ?? []) {
      if (count === 0 || offset + count > end) continue;
      const rest = chainOf(segment, offset + count, end);
      if (rest) return [`${segment}/${offset}+${count}.json`, ...rest];
    }
    return null;
  };
  return [...ends].flatMap(([segment, end]) => {
    const chain = chainOf(segment, 0, end);
    if (!chain) throw new Error(`reconciliation: the pages of ${segment} do not reach ${end}`);
    return chain;
  });
}

/** The objects in `bucket`, through the SDK's S3 client (the emulator locally). */
export function s3ReconciliationObjects(s3: S3Client, bucket: string): ReconciliationObjects {
  const put = (key: string, body: unknown) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(body),
        ContentType: "application/json",
      }),
    );
  const get = async (key: string): Promise<unknown> => {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await object.Body?.transformToString("utf-8")) ?? "null");
  };
  const list = async (prefix: string): Promise<string[]> => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      keys.push(...(listed.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
      token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
    } while (token);
    return keys;
  };
  return {
    putPartial: async (passId, { segment, offset, count }, sums) => {
      // Offset and count name the page: read again with the same items it overwrites its own
      // object; with others it is a second object, and only one of the two is on the chain.
      await put(
        `${partialsOf(passId)}${segment}/${offset}+${count}.json`,
        Object.fromEntries(sums),
      );
    },
    async forEachPartial(passId, ends, onPartial) {
      const prefix = partialsOf(passId);
      const chain = chainedPages(
        (await list(prefix)).map((key) => key.slice(prefix.length)),
        ends,
      );
      // A few at once: at 500,000 enterprises the chain is some 5,000 objects.
      for (let at = 0; at < chain.length; at += 16) {
        const sums = await Promise.all(
          chain.slice(at, at + 16).map((key) => get(`${prefix}${key}`)),
        );
        for (const page of sums) {
          onPartial(new Map(Object.entries(page as Record<string, Counts>)));
        }
      }
    },
    putReport: async (report) => {
      await put(reportKey(report.passId), report);
    },
    async report(passId) {
      try {
        return (await get(reportKey(passId))) as DriftReport;
      } catch (error) {
        if (error instanceof Error && error.name === "NoSuchKey") return undefined;
        throw error;
      }
    },
  };
}
