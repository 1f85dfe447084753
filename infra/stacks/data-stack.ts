import { Duration, Size, Stack, type StackProps } from "aws-cdk-lib";
import {
  AttributeType,
  BillingMode,
  type ITable,
  StreamViewType,
  Table,
  TableEncryption,
} from "aws-cdk-lib/aws-dynamodb";
import {
  Compression,
  DeliveryStream,
  type IDeliveryStream,
  S3Bucket,
  StreamEncryption,
} from "aws-cdk-lib/aws-kinesisfirehose";
import { type IKey, Key } from "aws-cdk-lib/aws-kms";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import {
  type BucketDefinition,
  documentsBucket,
  mainTable,
  type TableDefinition,
} from "../../functions/platform/storage-definitions.ts";
import { RECONCILIATION_PREFIX } from "../../functions/stats/reconciliation-objects.ts";
import {
  type DataAccessPolicies,
  DataAccessPoliciesConstruct,
} from "../constructs/data-access-policies.ts";
import { acknowledge } from "../constructs/nag.ts";
import { nagRef } from "../constructs/nag-ref.ts";
import type { StageConfig } from "./stage-config.ts";

/** What the functions need from the data stack; tests may pass any implementation. */
export interface DataResources {
  readonly table: ITable;
  readonly bucket: IBucket;
  /** Customer-managed key encrypting the table, its stream and the bucket. */
  readonly key: IKey;
  readonly tableDefinition: TableDefinition;
  /** Managed policies per access level; functions attach what their manifest entry declares. */
  readonly accessPolicies: DataAccessPolicies;
  /**
   * Raw sensor readings into the bucket (`readings/`), buffered by Kinesis Data Firehose: the
   * table keeps one state item per indicator, never an item per reading (issue 11).
   */
  readonly readingsStream?: IDeliveryStream;
}

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
  readonly tableDefinition?: TableDefinition;
  readonly bucketDefinition?: BucketDefinition;
  /**
   * Origins allowed to PUT/GET through presigned URLs from a browser. The presigned signature is
   * the capability; CORS only decides which pages may read the response.
   */
  readonly corsAllowedOrigins?: readonly string[];
}

/**
 * Stateful resources with the longest lifecycle: the KMS key, the single table and the documents
 * bucket. Kept apart so API and frontend deployments never replace data.
 */
export class DataStack extends Stack implements DataResources {
  readonly key: Key;
  readonly table: Table;
  readonly bucket: Bucket;
  readonly readingsStream: DeliveryStream;
  readonly accessLogsBucket: Bucket;
  readonly tableDefinition: TableDefinition;
  readonly accessPolicies: DataAccessPoliciesConstruct;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const tableDef = props.tableDefinition ?? mainTable;
    const bucketDef = props.bucketDefinition ?? documentsBucket;
    this.tableDefinition = tableDef;

    this.key = new Key(this, "DataKey", {
      description: `CityRisk ${config.stage} data key (table, stream, documents)`,
      enableKeyRotation: true,
      removalPolicy: config.dataRemovalPolicy,
    });

    this.table = new Table(this, "MainTable", {
      partitionKey: { name: tableDef.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDef.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType[tableDef.stream],
      timeToLiveAttribute: tableDef.ttlAttribute,
      deletionProtection: config.isProd,
      removalPolicy: config.dataRemovalPolicy,
    });
    for (const index of tableDef.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    this.accessLogsBucket = new Bucket(this, "AccessLogsBucket", {
      // S3 server access logging cannot deliver to SSE-KMS buckets, hence S3-managed keys here.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(config.isProd ? 365 : 30) }],
      removalPolicy: config.dataRemovalPolicy,
    });
    acknowledge(this.accessLogsBucket, [
      {
        id: "AwsSolutions-S1",
        reason: "This is the access-log target itself; logging it into itself would recurse.",
      },
    ]);

    this.bucket = new Bucket(this, "DocumentsBucket", {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of per object keeps KMS requests (and cost) low.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: bucketDef.versioned,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(bucketDef.noncurrentVersionExpirationDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        // A nightly reconciliation's partial sums and report are read the same night.
        { prefix: RECONCILIATION_PREFIX, expiration: Duration.days(30) },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: `${bucketDef.logicalName}/`,
      cors: [
        {
          allowedMethods: [HttpMethods.GET, HttpMethods.PUT],
          allowedOrigins: [...(props.corsAllowedOrigins ?? ["*"])],
          allowedHeaders: ["*"],
          maxAge: 3000,
        },
      ],
      removalPolicy: config.dataRemovalPolicy,
    });

    // Five minutes or 64 MiB, gzipped: at ~1,400 readings/s city-wide that is one object per
    // few minutes rather than a request per reading.
    this.readingsStream = new DeliveryStream(this, "ReadingsStream", {
      // Readings at rest in the stream's buffer are encrypted too (the bucket uses the data key).
      encryption: StreamEncryption.awsOwnedKey(),
      destination: new S3Bucket(this.bucket, {
        dataOutputPrefix: "readings/!{timestamp:yyyy/MM/dd/HH}/",
        errorOutputPrefix: "readings-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
        bufferingInterval: Duration.minutes(5),
        bufferingSize: Size.mebibytes(64),
        compression: Compression.GZIP,
        encryptionKey: this.key,
      }),
    });
    // Firehose's S3 destination (the CDK construct) grants its own service role read-write on
    // the archive bucket and its key with the grants' wildcard actions; no function holds them.
    const firehoseReason =
      "The readings archive's Firehose delivery role: read-write on the archive bucket and its key as the CDK S3 destination grants it; the role is Firehose's alone";
    acknowledge(
      this.readingsStream,
      [
        "Action::s3:GetObject*",
        "Action::s3:GetBucket*",
        "Action::s3:List*",
        "Action::s3:DeleteObject*",
        "Action::s3:Abort*",
        `Resource::${nagRef(this, this.bucket.bucketArn)}/*`,
        "Action::kms:ReEncrypt*",
        "Action::kms:GenerateDataKey*",
      ].map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: firehoseReason })),
    );

    this.accessPolicies = new DataAccessPoliciesConstruct(this, "AccessPolicies", {
      table: this.table,
      tableDefinition: tableDef,
      bucket: this.bucket,
      key: this.key,
    });
  }
}
