import { createHash, type Hash } from "node:crypto";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import {
  type ArchivedReading,
  type ReadingArchive,
  readingLine,
} from "../../warnings/reading-archive.ts";

// PutRecordBatch takes up to 500 records and 4 MiB per call (Firehose API reference).
const RECORDS_PER_CALL = 500;

/** SHA-256 as the signer wants it (a checksum constructor), from node:crypto. */
class Sha256 {
  private readonly hash: Hash = createHash("sha256");
  update(data: Uint8Array | string): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Raw readings to a Kinesis Data Firehose delivery stream (infra: buffered into the bucket).
 * `@aws-sdk/client-firehose` is not among the project's packages, so the one JSON call is signed
 * here with the SDK's own SigV4 signer and credential chain. Records a call did not take
 * (`FailedPutCount`) are retried once and then reported, so the request fails and is retried.
 */
export function firehoseArchive(streamName: string, region: string): ReadingArchive {
  const signer = new SignatureV4({
    service: "firehose",
    region,
    credentials: fromNodeProviderChain(),
    sha256: Sha256,
  });
  const host = `firehose.${region}.amazonaws.com`;

  async function putBatch(records: readonly string[]): Promise<string[]> {
    const body = JSON.stringify({
      DeliveryStreamName: streamName,
      Records: records.map((r) => ({ Data: Buffer.from(r).toString("base64") })),
    });
    const request: HttpRequest = {
      method: "POST",
      protocol: "https:",
      hostname: host,
      path: "/",
      headers: {
        host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "Firehose_20150804.PutRecordBatch",
      },
      query: {},
      body,
    };
    const signed = await signer.sign(request);
    const response = await fetch(`https://${host}/`, {
      method: "POST",
      headers: signed.headers,
      body,
    });
    if (!response.ok) throw new Error(`firehose PutRecordBatch: ${response.status}`);
    const result = (await response.json()) as {
      FailedPutCount: number;
      RequestResponses: { ErrorCode?: string }[];
    };
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
