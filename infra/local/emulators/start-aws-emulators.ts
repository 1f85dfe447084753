import { join } from "node:path";
import { buildApp } from "fauxqs";
import { S3Store, SnsStore, SqsStore } from "./fauxqs-internals.ts";
import { PersistentS3Store } from "./persistent-s3-store.ts";

export interface AwsEmulatorsOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  /** S3 objects persist under `<dataDir>/s3`; without it everything is in memory. */
  dataDir?: string;
  /** Request logging (fastify); off by default. */
  logger?: boolean;
}

export interface AwsEmulators {
  /** One endpoint for SNS, SQS and S3 (path-style S3: set `forcePathStyle`). */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * SNS, SQS and S3 in this process (fauxqs). Topics, queues and messages are in memory: the
 * bootstrap recreates topics and queues on every start; S3 objects persist when `dataDir` is set.
 */
export async function startAwsEmulators(options: AwsEmulatorsOptions = {}): Promise<AwsEmulators> {
  const s3Store = options.dataDir
    ? new PersistentS3Store(join(options.dataDir, "s3"))
    : new S3Store();
  const app = buildApp({
    logger: options.logger ?? false,
    stores: { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store },
  });
  await app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await app.close();
    },
  };
}
