import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArchivedReading } from "../../warnings/reading-archive.ts";
import { firehoseArchive } from "./firehose-archive.ts";

// The Firehose archive with its real request path (JSON body, SigV4 signer, credential chain):
// `fetch` is replaced by a capture that keeps the HTTP request the adapter would send and
// answers what Firehose would. Nothing reaches the network.
const REGION = "ap-southeast-1";
const STREAM = "cityrisk-readings";

interface Captured {
  url: string;
  method: string;
  headers: Headers;
  body: { DeliveryStreamName: string; Records: { Data: string }[] };
}

type Answer = (request: Captured) => Response;

let captured: Captured[] = [];
let answers: Answer[] = [];

/** Firehose's answer to a PutRecordBatch, failing the records at the given positions. */
function putRecordBatchAnswer(failing: ReadonlySet<number> = new Set()): Answer {
  return (request) =>
    Response.json(
      {
        FailedPutCount: failing.size,
        Encrypted: false,
        RequestResponses: request.body.Records.map((_, i) =>
          failing.has(i)
            ? { ErrorCode: "ServiceUnavailableException", ErrorMessage: "Slow down." }
            : { RecordId: `rec-${i}` },
        ),
      },
      { headers: { "content-type": "application/x-amz-json-1.1" } },
    );
}

beforeEach(() => {
  captured = [];
  answers = [];
  vi.stubGlobal("fetch", async (url: string | URL, init?: RequestInit): Promise<Response> => {
    const request: Captured = {
      url: String(url),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    };
    captured.push(request);
    return (answers.shift() ?? putRecordBatchAnswer())(request);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function reading(i: number, tenantId = "t-01JCHAOYANG"): ArchivedReading {
  return {
    tenantId,
    riskSourceId: "rs-加油站-1",
    indicatorId: `ind-${i % 7}`,
    at: new Date(Date.UTC(2026, 4, 1, 8, 0, 0, i)).toISOString(),
    value: 0.5 + i,
    receivedAt: "2026-05-01T08:01:00.000Z",
  };
}

/** A captured call's records as the bytes Firehose stores. */
function recordsOf(request: Captured): string[] {
  return request.body.Records.map((r) => Buffer.from(r.Data, "base64").toString("utf-8"));
}

describe("firehoseArchive", () => {
  it("signs one PutRecordBatch carrying a newline-terminated JSON record per reading", async () => {
    const batch = [reading(0), reading(1), reading(2)];
    await firehoseArchive(STREAM, REGION).put(batch);

    expect(captured).toHaveLength(1);
    const [request] = captured;
    if (!request) throw new Error("no request");
    expect(request.url).toBe(`https://firehose.${REGION}.amazonaws.com/`);
    expect(request.method).toBe("POST");
    expect(request.headers.get("x-amz-target")).toBe("Firehose_20150804.PutRecordBatch");
    expect(request.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(request.headers.get("x-amz-date")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.get("authorization")).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/${REGION}/firehose/aws4_request, SignedHeaders=[^,]*\\bx-amz-target\\b[^,]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(request.body.DeliveryStreamName).toBe(STREAM);
    const records = recordsOf(request);
    for (const record of records) expect(record).toMatch(/^[^\n]+\n$/);
    expect(records.map((r) => JSON.parse(r))).toEqual(batch);
    // Buffered by Firehose into one object, the records read as the local archive's NDJSON.
    expect(records.join("")).toBe(batch.map((r) => `${JSON.stringify(r)}\n`).join(""));
  });

  it("sends nothing for an empty batch", async () => {
    await firehoseArchive(STREAM, REGION).put([]);
    expect(captured).toEqual([]);
  });

  it("splits a batch into calls of at most 500 records, in order", async () => {
    const batch = Array.from({ length: 1201 }, (_, i) => reading(i));
    await firehoseArchive(STREAM, REGION).put(batch);

    expect(captured.map((c) => c.body.Records.length)).toEqual([500, 500, 201]);
    expect(captured.flatMap(recordsOf).map((r) => JSON.parse(r))).toEqual(batch);
  });

  it("keeps each call within 4 MiB and refuses a record over 1,000 KiB before sending any", async () => {
    // Records of about 300 KB: 400 KB as base64, so ten to a call.
    const big = Array.from({ length: 25 }, (_, i) => reading(i, `t-${"x".repeat(300_000)}`));
    await firehoseArchive(STREAM, REGION).put(big);
    expect(captured.map((c) => c.body.Records.length)).toEqual([10, 10, 5]);
    for (const call of captured) {
      const base64 = call.body.Records.reduce((sum, r) => sum + r.Data.length, 0);
      expect(base64).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    expect(captured.flatMap(recordsOf).map((r) => JSON.parse(r))).toEqual(big);

    captured = [];
    const oversized = reading(0, `t-${"x".repeat(1000 * 1024)}`);
    await expect(firehoseArchive(STREAM, REGION).put([reading(1), oversized])).rejects.toThrow(
      /over the 1,000 KiB limit/,
    );
    expect(captured).toEqual([]);
  });

  it("offers the records a call refused (FailedPutCount) once more, and only those", async () => {
    const batch = Array.from({ length: 5 }, (_, i) => reading(i));
    answers = [putRecordBatchAnswer(new Set([1, 3])), putRecordBatchAnswer()];
    await firehoseArchive(STREAM, REGION).put(batch);

    expect(captured).toHaveLength(2);
    const retried = captured[1];
    if (!retried) throw new Error("no retry");
    expect(recordsOf(retried).map((r) => JSON.parse(r))).toEqual([batch[1], batch[3]]);
  });

  it("throws when records are refused again, and sends no further call", async () => {
    const batch = Array.from({ length: 700 }, (_, i) => reading(i));
    answers = [putRecordBatchAnswer(new Set([0, 499])), putRecordBatchAnswer(new Set([1]))];
    await expect(firehoseArchive(STREAM, REGION).put(batch)).rejects.toThrow(
      /1 records refused 2 times \(ServiceUnavailableException\)/,
    );
    // The first 500 and their retry; the last 200 were never offered: the request fails whole.
    expect(captured.map((c) => c.body.Records.length)).toEqual([500, 2]);
  });

  it("offers the whole call again when the answer counts failures it does not name", async () => {
    const batch = [reading(0), reading(1)];
    answers = [
      () => Response.json({ FailedPutCount: 1, RequestResponses: [{ RecordId: "rec-0" }] }),
      putRecordBatchAnswer(),
    ];
    await firehoseArchive(STREAM, REGION).put(batch);
    expect(captured.map((c) => recordsOf(c).map((r) => JSON.parse(r)))).toEqual([batch, batch]);

    captured = [];
    answers = [
      () => Response.json({ FailedPutCount: 2 }),
      () => Response.json({ FailedPutCount: 2 }),
    ];
    await expect(firehoseArchive(STREAM, REGION).put(batch)).rejects.toThrow(/unattributed/);
    expect(captured).toHaveLength(2);
  });

  it("throws on an error answer, naming its status and type", async () => {
    answers = [
      () =>
        Response.json(
          { __type: "ResourceNotFoundException", message: "Firehose cityrisk-readings not found" },
          { status: 400, headers: { "x-amzn-errortype": "ResourceNotFoundException" } },
        ),
    ];
    await expect(firehoseArchive(STREAM, REGION).put([reading(0)])).rejects.toThrow(
      "Firehose_20150804.PutRecordBatch: 400 ResourceNotFoundException",
    );
  });
});
