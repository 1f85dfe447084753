/**
 * The table and the bucket, declared once: the CDK app, the local bootstrap and the entity
 * models all read these. Generic key names (pk/sk, gsiNpk/gsiNsk) keep the entity library the
 * only place that knows what a key means.
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  /** Logical name; the physical name is `${stagePrefix}-${logicalName}` locally, CDK-generated on AWS. */
  logicalName: string;
  partitionKey: string;
  sortKey: string;
  globalIndexes: readonly IndexDefinition[];
  stream: "NEW_AND_OLD_IMAGES";
  ttlAttribute: string;
}

export const mainTable: TableDefinition = {
  logicalName: "main",
  partitionKey: "pk",
  sortKey: "sk",
  globalIndexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  ],
  stream: "NEW_AND_OLD_IMAGES",
  ttlAttribute: "expiresAt",
};

export interface BucketDefinition {
  logicalName: string;
  /** Object keys lead with the tenant id; lifecycle rules by prefix. */
  versioned: boolean;
  noncurrentVersionExpirationDays: number;
}

export const documentsBucket: BucketDefinition = {
  logicalName: "documents",
  versioned: true,
  noncurrentVersionExpirationDays: 90,
};

/** Attribute types of every key attribute above (all strings: keys are composed by the entity library). */
export function keyAttributes(table: TableDefinition): string[] {
  return [
    table.partitionKey,
    table.sortKey,
    ...table.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
}
