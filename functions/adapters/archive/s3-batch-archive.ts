import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { ulid } from "ulidx";
import {
  type ArchivedReading,
  type ReadingArchive,
  readingLine,
} from "../../warnings/reading-archive.ts";

/**
 * The local archive of raw readings: each batch one NDJSON object in the bucket under
 * `readings/<yyyy>/<mm>/<dd>/<hh>/`, the layout Firehose's default prefix gives on AWS.
 */
export function s3BatchArchive(client: S3Client, bucket: string): ReadingArchive {
  return {
    async put(readings: readonly ArchivedReading[]) {
      if (readings.length === 0) return;
      const now = new Date();
      const hour = now.toISOString().slice(0, 13).replace(/[-T]/g, "/");
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `readings/${hour}/${ulid(now.getTime())}.ndjson`,
          Body: readings.map(readingLine).join(""),
          ContentType: "application/x-ndjson",
        }),
      );
    },
  };
}
