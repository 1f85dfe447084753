import {
  type ArchivedReading,
  type ReadingArchive,
  readingLine,
} from "../../warnings/reading-archive.ts";
import { awsJsonCall } from "../aws-json/signed-json-call.ts";

// PutRecordBatch takes up to 500 records and 4 MiB per call (Firehose API reference).
const RECORDS_PER_CALL = 500;

/**
 * Raw readings to a Kinesis Data Firehose delivery stream (infra: buffered into the bucket).
 * `@aws-sdk/client-firehose` is not among the project's packages, so the one JSON call is signed
 * with the SDK's own SigV4 signer (aws-json/signed-json-call.ts). Records a call did not take
 * (`FailedPutCount`) are retried once and then reported, so the request fails and is retried.
 */
export function firehoseArchive(streamName: string, region: string): ReadingArchive {
  const call = awsJsonCall({ service: "firehose", host: "firehose", region, jsonVersion: "1.1" });

  async function putBatch(records: readonly string[]): Promise<string[]> {
    const result = await call<{
      FailedPutCount: number;
      RequestResponses: { ErrorCode?: string }[];
    }>("Firehose_20150804.PutRecordBatch", {
      DeliveryStreamName: streamName,
      Records: records.map((r) => ({ Data: Buffer.from(r).toString("base64") })),
    });
    if (result.FailedPutCount === 0) return [];
    return records.filter((_, i) => result.RequestResponses[i]?.ErrorCode !== undefined);
  }

  return {
    async put(readings: readonly ArchivedReading[]) {
      const lines = readings.map(readingLine);
      for (let i = 0; i < lines.length; i += RECORDS_PER_CALL) {
        const failed = await putBatch(lines.slice(i, i + RECORDS_PER_CALL));
        if (failed.length > 0 && (await putBatch(failed)).length > 0) {
          throw new Error("firehose PutRecordBatch: records refused twice");
        }
      }
    },
  };
}
