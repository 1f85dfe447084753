import { s3 } from "../../platform/clients.ts";
import { type FunctionConfig, fromConfig } from "../../platform/config.ts";
import type { ReadingArchive } from "../../warnings/reading-archive.ts";
import { firehoseArchive } from "./firehose-archive.ts";
import { s3BatchArchive } from "./s3-batch-archive.ts";

/** Firehose when a delivery stream is configured (AWS), batch files in the bucket otherwise (local). */
export function createReadingArchive(
  settings: Pick<FunctionConfig, "readingsDeliveryStream" | "bucketName" | "region">,
): ReadingArchive {
  if (settings.readingsDeliveryStream) {
    return firehoseArchive(settings.readingsDeliveryStream, settings.region);
  }
  if (!settings.bucketName) throw new Error("readings archive: no delivery stream and no bucket");
  return s3BatchArchive(s3, settings.bucketName);
}

export const readingArchive: () => ReadingArchive = fromConfig(createReadingArchive);
