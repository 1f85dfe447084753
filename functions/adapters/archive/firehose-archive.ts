import {
  type ArchivedReading,
  type ReadingArchive,
  readingLine,
} from "../../warnings/reading-archive.ts";
import { awsJsonCall } from "../aws-json/signed-json-call.ts";

// PutRecordBatch limits (Firehose API reference): up to 500 records and 4 MiB per call, each
// record's data up to 1,000 KiB before base64 encoding. The 4 MiB are counted here on the
// base64 the request carries, which keeps the whole call under the limit whichever way
// Firehose measures it.
const RECORDS_PER_CALL = 500;
const BYTES_PER_CALL = 4 * 1024 * 1024;
const BYTES_PER_RECORD = 1000 * 1024;
/** Calls that offer a record: the first, and one retry of the records it refused. */
const ATTEMPTS = 2;

interface PutRecordBatchOutput {
  FailedPutCount: number;
  RequestResponses?: { RecordId?: string; ErrorCode?: string | null; ErrorMessage?: string }[];
}

/** Records in calls Firehose takes: at most 500 and 4 MiB (as base64) each, in order. */
function callsOf(records: readonly Buffer[]): Buffer[][] {
  const calls: Buffer[][] = [];
  let current: Buffer[] = [];
  let bytes = 0;
  for (const record of records) {
    if (record.length > BYTES_PER_RECORD) {
      throw new Error(
        `firehose PutRecordBatch: a record of ${record.length} bytes is over the 1,000 KiB limit`,
      );
    }
    const encoded = Math.ceil(record.length / 3) * 4;
    if (current.length === RECORDS_PER_CALL || bytes + encoded > BYTES_PER_CALL) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += encoded;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

/**
 * Raw readings to a Kinesis Data Firehose delivery stream (infra: buffered into the bucket),
 * one newline-terminated JSON record per reading, in calls within PutRecordBatch's limits.
 * `@aws-sdk/client-firehose` is not among the project's packages, so the one JSON call is signed
 * with the SDK's own SigV4 signer (aws-json/signed-json-call.ts). Records a call did not take
 * (`FailedPutCount`) are retried once and then reported, so the request fails and is retried;
 * when the answer does not say which records failed, the whole call is offered again (the
 * archive is at least once).
 */
export function firehoseArchive(streamName: string, region: string): ReadingArchive {
  const call = awsJsonCall({ service: "firehose", host: "firehose", region, jsonVersion: "1.1" });

  /** The records of one call Firehose refused, with the error codes it gave. */
  async function putBatch(
    records: readonly Buffer[],
  ): Promise<{ failed: Buffer[]; codes: string[] }> {
    const result = await call<PutRecordBatchOutput>("Firehose_20150804.PutRecordBatch", {
      DeliveryStreamName: streamName,
      Records: records.map((r) => ({ Data: r.toString("base64") })),
    });
    if (!result.FailedPutCount) return { failed: [], codes: [] };
    const responses = result.RequestResponses ?? [];
    const refused = records.flatMap((record, i) => {
      const code = responses[i]?.ErrorCode;
      return code ? [{ record, code }] : [];
    });
    // An answer that counts failures it does not name loses nothing: everything goes again.
    if (responses.length !== records.length || refused.length < result.FailedPutCount) {
      return { failed: [...records], codes: ["unattributed"] };
    }
    return { failed: refused.map((r) => r.record), codes: refused.map((r) => r.code) };
  }

  return {
    async put(readings: readonly ArchivedReading[]) {
      const records = readings.map((r) => Buffer.from(readingLine(r)));
      for (const batch of callsOf(records)) {
        let pending: readonly Buffer[] = batch;
        let codes: string[] = [];
        for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
          ({ failed: pending, codes } = await putBatch(pending));
        }
        if (pending.length > 0) {
          throw new Error(
            `firehose PutRecordBatch: ${pending.length} records refused ${ATTEMPTS} times (${[...new Set(codes)].join(", ")})`,
          );
        }
      }
    },
  };
}
