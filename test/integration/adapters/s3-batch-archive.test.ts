import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3BatchArchive } from "../../../functions/adapters/archive/s3-batch-archive.ts";
import type { ArchivedReading } from "../../../functions/warnings/reading-archive.ts";
import { READINGS_PER_BATCH } from "../../../shared/warnings/reading-input.ts";
import { localAws } from "../../support/local-aws.ts";
import { uniqueName } from "../../support/unique-name.ts";

// The local archive of raw readings against the run's S3 emulator (fauxqs): what a batch puts
// is read back from the bucket and parsed as the documented NDJSON file.
const { s3 } = localAws();
const bucket = uniqueName("archive");
const KEY = /^readings\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/([0-9A-HJKMNP-TV-Z]{26})\.ndjson$/;

function reading(i: number, indicatorId = "ind-gas-1"): ArchivedReading {
  return {
    tenantId: "t-01JCHAOYANG",
    riskSourceId: "rs-加油站-1",
    indicatorId,
    at: new Date(Date.UTC(2026, 4, 1, 8, 0, i % 60, i)).toISOString(),
    value: 12.5 + i,
    receivedAt: "2026-05-01T08:01:00.000Z",
  };
}

async function keysUnder(prefix = "readings/"): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

async function objectOf(key: string): Promise<{ text: string; contentType: string | undefined }> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { text: (await got.Body?.transformToString("utf-8")) ?? "", contentType: got.ContentType };
}

/** The file's readings: one JSON object a line, every line newline-terminated. */
function parseNdjson(text: string): unknown[] {
  expect(text.endsWith("\n")).toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line));
}

/** `yyyy/mm/dd/hh` (UTC) of a time, as Firehose's default prefix writes it. */
function hourOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace(/[-T]/g, "/");
}

/** Puts a batch and answers the one key it added, checked against the documented layout. */
async function putAndFindKey(readings: readonly ArchivedReading[]): Promise<string> {
  const before = new Set(await keysUnder());
  const startedAt = Date.now();
  await s3BatchArchive(s3, bucket).put(readings);
  const endedAt = Date.now();
  const added = (await keysUnder()).filter((k) => !before.has(k));
  expect(added).toHaveLength(1);
  const key = added[0] ?? "";
  const match = KEY.exec(key);
  expect(match, key).not.toBeNull();
  const [, yyyy, mm, dd, hh] = match ?? [];
  expect([hourOf(startedAt), hourOf(endedAt)]).toContain(`${yyyy}/${mm}/${dd}/${hh}`);
  return key;
}

beforeAll(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  for (const key of await keysUnder("")) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
});

describe("s3BatchArchive (local readings archive)", () => {
  it("writes a batch as one NDJSON file under readings/<yyyy>/<mm>/<dd>/<hh>/", async () => {
    const batch = [reading(0), reading(1, "ind-温度"), reading(2)];
    const key = await putAndFindKey(batch);
    const { text, contentType } = await objectOf(key);
    expect(contentType).toBe("application/x-ndjson");
    expect(text.split("\n")).toHaveLength(batch.length + 1);
    expect(parseNdjson(text)).toEqual(batch);
  });

  it("keeps each batch in a file of its own, whole, and writes nothing for an empty one", async () => {
    const first = Array.from({ length: READINGS_PER_BATCH }, (_, i) => reading(i));
    const second = [reading(5000, "ind-other")];
    const firstKey = await putAndFindKey(first);
    const secondKey = await putAndFindKey(second);
    expect(secondKey).not.toBe(firstKey);
    expect(parseNdjson((await objectOf(firstKey)).text)).toEqual(first);
    expect(parseNdjson((await objectOf(secondKey)).text)).toEqual(second);

    const before = await keysUnder();
    await s3BatchArchive(s3, bucket).put([]);
    expect(await keysUnder()).toEqual(before);
  });

  it("keeps a reading archived twice (a retried request) as two lines, for consumers to de-duplicate", async () => {
    const again = reading(7);
    const firstKey = await putAndFindKey([again]);
    const secondKey = await putAndFindKey([again]);
    expect(parseNdjson((await objectOf(firstKey)).text)).toEqual([again]);
    expect(parseNdjson((await objectOf(secondKey)).text)).toEqual([again]);
  });

  it("rejects when the bucket is missing, so the request fails before any state moves", async () => {
    const missing = s3BatchArchive(s3, uniqueName("no-such-bucket"));
    await expect(missing.put([reading(0)])).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});
