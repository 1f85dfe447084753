import { RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";

/**
 * Everything that differs between stages, decided once from the `stage` context in `infra/bin`
 * (conventions.md rule 7). Only `prod` keeps data on stack deletion; every other stage is
 * treated as ephemeral so developers can tear it down.
 */
export interface StageConfig {
  readonly stage: string;
  readonly isProd: boolean;
  /** Applied to stateful resources (KMS keys, table, buckets, user pool, queues). */
  readonly dataRemovalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

export function stageConfig(stage: string): StageConfig {
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(`stage must match ${STAGE_PATTERN}: got "${stage}"`);
  }
  const isProd = stage === "prod";
  return Object.freeze({
    stage,
    isProd,
    dataRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    // Prod keeps a year of logs for incident review; dev stages keep what debugging needs.
    logRetention: isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_WEEK,
  });
}
