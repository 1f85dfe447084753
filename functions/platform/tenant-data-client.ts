import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { dynamodb } from "./clients.ts";
import { config, fromConfig } from "./config.ts";
import { TENANT_SESSION_TAG } from "./tenant-partition.ts";
import { tenantPartitionGuard } from "./tenant-partition-guard.ts";

export interface TenantDataClientOptions {
  region: string;
  /** The tenant data role (CDK sets `TENANT_DATA_ROLE_ARN`); unset locally. */
  roleArn?: string | undefined;
}

/** STS role session names allow `[\w+=,.@-]{2,64}`. */
function sessionName(tenantId: string): string {
  return `tenant-${tenantId}`.replace(/[^\w+=,.@-]/g, "_").slice(0, 64);
}

/**
 * A DynamoDB client that can reach only one tenant's partition, twice over (AWS SaaS Factory
 * pattern): on AWS its credentials come from the tenant data role assumed with a `tenantId`
 * session tag, whose policy allows only `dynamodb:LeadingKeys` = `T#${aws:PrincipalTag/tenantId}`;
 * everywhere — also locally, where DynamoDB Local ignores IAM — a middleware refuses any request
 * naming another partition, a secondary index or a non-key operation before it is sent.
 */
export function createTenantDataClient(
  tenantId: string,
  options: TenantDataClientOptions,
): DynamoDBClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 3,
    // One connection pool for every tenant's client; nothing to close when a client is evicted.
    requestHandler: dynamodb.config.requestHandler,
    ...(options.roleArn
      ? {
          credentials: fromTemporaryCredentials({
            params: {
              RoleArn: options.roleArn,
              RoleSessionName: sessionName(tenantId),
              Tags: [{ Key: TENANT_SESSION_TAG, Value: tenantId }],
            },
            clientConfig: { region: options.region },
          }),
        }
      : {}),
  });
  client.middlewareStack.add(tenantPartitionGuard(tenantId), {
    step: "build",
    name: "tenantPartitionGuard",
  });
  return client;
}

/** Warm functions serve a handful of tenants at a time; each client caches its credentials. */
const MAX_CACHED_TENANTS = 32;
/** Built again when the configuration is reloaded: a client follows the settings it was made for. */
const tenantClients = fromConfig(() => new Map<string, DynamoDBClient>());

/** The tenant's client, kept in a small least-recently-used cache per process. */
export function tenantDataClient(tenantId: string): DynamoDBClient {
  const cache = tenantClients();
  const cached = cache.get(tenantId);
  if (cached) {
    cache.delete(tenantId);
    cache.set(tenantId, cached);
    return cached;
  }
  const { region, tenantDataRoleArn } = config();
  const client = createTenantDataClient(tenantId, { region, roleArn: tenantDataRoleArn });
  cache.set(tenantId, client);
  if (cache.size > MAX_CACHED_TENANTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return client;
}
