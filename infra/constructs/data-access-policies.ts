import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { type IManagedPolicy, ManagedPolicy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { DataAccess } from "../../functions/platform/manifest-types.ts";
import type { TableDefinition } from "../../functions/platform/storage-definitions.ts";
import { BUCKET_OBJECT_ACTIONS, KEY_ACTIONS, STREAM_ACTIONS, TABLE_ACTIONS } from "./grants.ts";
import { acknowledge } from "./nag.ts";
import { nagRef } from "./nag-ref.ts";

export interface DataAccessPolicies {
  readonly table: Readonly<Record<DataAccess, IManagedPolicy>>;
  readonly bucket: Readonly<Record<DataAccess, IManagedPolicy>>;
  readonly stream: IManagedPolicy;
}

export interface DataAccessPoliciesProps {
  readonly table: ITable;
  readonly tableDefinition: TableDefinition;
  readonly bucket: Bucket;
  readonly key: IKey;
}

const LEVELS: readonly DataAccess[] = ["read", "readWrite"];

/**
 * One managed policy per access level, owned by the data stack next to the resources it names.
 * Functions attach the level their manifest entry declares. Keeping the statements here means
 * every ARN is a same-stack reference: explicit, reviewable, and acknowledgeable by exact id.
 */
export class DataAccessPoliciesConstruct extends Construct implements DataAccessPolicies {
  readonly table: Readonly<Record<DataAccess, ManagedPolicy>>;
  readonly bucket: Readonly<Record<DataAccess, ManagedPolicy>>;
  readonly stream: ManagedPolicy;

  constructor(scope: Construct, id: string, props: DataAccessPoliciesProps) {
    super(scope, id);
    const { table, bucket, key } = props;
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error("the main table needs a stream");
    const indexArns = props.tableDefinition.globalIndexes.map(
      (i) => `${table.tableArn}/index/${i.name}`,
    );
    const keyStatement = (level: DataAccess) =>
      new PolicyStatement({ actions: [...KEY_ACTIONS[level]], resources: [key.keyArn] });

    const byLevel = (make: (level: DataAccess) => ManagedPolicy) =>
      Object.fromEntries(LEVELS.map((level) => [level, make(level)])) as Record<
        DataAccess,
        ManagedPolicy
      >;

    this.table = byLevel(
      (level) =>
        new ManagedPolicy(this, `Table-${level}`, {
          description: `CityRisk main table ${level} (table + each GSI by name)`,
          statements: [
            new PolicyStatement({
              actions: [...TABLE_ACTIONS[level]],
              resources: [table.tableArn, ...indexArns],
            }),
            keyStatement(level),
          ],
        }),
    );

    // Object keys are tenant-prefixed and created at run time, so object actions need <bucket>/*.
    const objectsArn = bucket.arnForObjects("*");
    this.bucket = byLevel((level) => {
      const policy = new ManagedPolicy(this, `Bucket-${level}`, {
        description: `CityRisk documents bucket ${level}`,
        statements: [
          new PolicyStatement({
            actions: [...BUCKET_OBJECT_ACTIONS[level]],
            resources: [objectsArn],
          }),
          // Listing on the bucket itself lets a missing object answer 404 instead of 403.
          new PolicyStatement({ actions: ["s3:ListBucket"], resources: [bucket.bucketArn] }),
          keyStatement(level),
        ],
      });
      acknowledge(policy, [
        {
          id: `AwsSolutions-IAM5[Resource::${nagRef(this, bucket.bucketArn)}/*]`,
          reason:
            "Documents are stored under tenant-prefixed keys created at run time; object actions cannot name them at deploy time. Only this bucket's objects are covered.",
        },
      ]);
      return policy;
    });

    this.stream = new ManagedPolicy(this, "Stream-read", {
      description: "CityRisk main table stream (event source mappings)",
      statements: [
        new PolicyStatement({ actions: [...STREAM_ACTIONS], resources: [streamArn] }),
        keyStatement("read"),
      ],
    });
  }
}
