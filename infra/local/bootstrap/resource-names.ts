/** Local physical names: `${prefix}-${logicalName}` (storage-definitions.ts); CDK generates its own on AWS. */
export function localResourceName(prefix: string, logicalName: string): string {
  return `${prefix}-${logicalName}`;
}

export function deadLetterQueueName(prefix: string, queueId: string): string {
  return `${localResourceName(prefix, queueId)}-dlq`;
}
