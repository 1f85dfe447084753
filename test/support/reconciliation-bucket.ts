import { CreateBucketCommand } from "@aws-sdk/client-s3";
import {
  type ReconciliationObjects,
  s3ReconciliationObjects,
} from "../../functions/stats/reconciliation-objects.ts";
import { localAws } from "./local-aws.ts";
import { uniqueName } from "./unique-name.ts";

/** A new bucket in the run's S3 emulator for a test's reconciliations (their partial sums). */
export async function reconciliationBucket(): Promise<ReconciliationObjects> {
  const { s3 } = localAws();
  const bucket = uniqueName("reconciliation");
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return s3ReconciliationObjects(s3, bucket);
}
