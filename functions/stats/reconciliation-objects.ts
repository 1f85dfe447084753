import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { Counts } from "../../shared/stats/contribution.ts";

/** Where a reconciliation keeps its objects in the documents bucket (expired after 30 days). */
export const RECONCILIATION_PREFIX = "reconciliation/";

/** What a reconciliation found: every drifting counter, or the first of them. */
export interface DriftReport {
  passId: string;
  checkedAt: string;
  /** Drifting counters in all. */
  total: number;
  drift: { slice: string; counter: string; folded: number; registry: number }[];
}

/**
 * A reconciliation's objects: each page's partial sums (slice → counters, recomputed from the
 * registry) and the drift report. Sums live in S3, not the table: a page of a district's
 * enterprises touches hundreds of slices, more than an item's 400 KB, and they are read once.
 */
export interface ReconciliationObjects {
  putPartial(
    passId: string,
    page: { segment: string; offset: number },
    sums: Map<string, Counts>,
  ): Promise<void>;
  /** Calls `onPartial` with each page's sums, one page at a time. */
  forEachPartial(passId: string, onPartial: (sums: Map<string, Counts>) => void): Promise<number>;
  putReport(report: DriftReport): Promise<void>;
  report(passId: string): Promise<DriftReport | undefined>;
}

const partialsOf = (passId: string) => `${RECONCILIATION_PREFIX}${passId}/partials/`;
const reportKey = (passId: string) => `${RECONCILIATION_PREFIX}${passId}/drift.json`;

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
  return {
    putPartial: (passId, { segment, offset }, sums) =>
      // The offset names the page: a page re-read after a kill overwrites its own object.
      put(`${partialsOf(passId)}${segment}/${offset}.json`, Object.fromEntries(sums)).then(
        () => undefined,
      ),
    async forEachPartial(passId, onPartial) {
      let token: string | undefined;
      let pages = 0;
      do {
        const listed = await s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: partialsOf(passId),
            ContinuationToken: token,
          }),
        );
        for (const { Key } of listed.Contents ?? []) {
          if (!Key) continue;
          onPartial(new Map(Object.entries((await get(Key)) as Record<string, Counts>)));
          pages += 1;
        }
        token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      } while (token);
      return pages;
    },
    putReport: (report) => put(reportKey(report.passId), report).then(() => undefined),
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
