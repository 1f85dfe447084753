import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { type Store, storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/runners/local-account.ts";
import { readStackFile } from "../local/stack-file.ts";

/**
 * The stack file of the running local stack an operator's command works on: that of the data
 * folder given (`--data-dir`), else CITYRISK_DATA_DIR, else .data.
 */
export function runningLocalStack(dataDir: string | undefined): ReturnType<typeof readStackFile> {
  return readStackFile(resolve(dataDir ?? process.env.CITYRISK_DATA_DIR ?? ".data"));
}

/**
 * The table an operator's command works on: on AWS the named table (credentials and region
 * from the usual AWS environment); without a name, the running local stack of the data folder
 * (`--data-dir`, else CITYRISK_DATA_DIR, else .data) on DynamoDB Local.
 */
export function tableTarget(options: { table?: string; "data-dir"?: string }): {
  store: Store;
  tableName: string;
} {
  if (options.table) {
    return { store: storeFor(new DynamoDBClient({}), options.table), tableName: options.table };
  }
  const local = runningLocalStack(options["data-dir"]);
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: local.dynamodbEndpoint,
  });
  return { store: storeFor(client, local.tableName), tableName: local.tableName };
}

/**
 * An operator's table command from the command line — `npm run <script> -- <command>
 * [--table <name>] [--data-dir <dir>]` — with its table; prints the usage and exits on an
 * unknown command.
 */
export function tableCommand<const C extends string>(
  script: string,
  commands: readonly C[],
): { command: C; store: Store; tableName: string; documents: () => Documents } {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      table: { type: "string" },
      bucket: { type: "string" },
      "data-dir": { type: "string" },
    },
  });
  const command = commands.find((c) => c === positionals[0]);
  if (!command) {
    const usage = `${commands.join("|")} [--table <name> [--bucket <name>]] [--data-dir <dir>]`;
    console.error(`usage: npm run ${script} -- ${usage}`);
    process.exit(2);
  }
  return { command, ...tableTarget(values), documents: () => documentsTarget(values) };
}

/** The documents bucket an operator's command works on, and a client for it. */
export interface Documents {
  s3: S3Client;
  bucket: string;
}

/**
 * On AWS the named bucket (`--bucket`, required with `--table` by the commands that need it);
 * without a table, the running local stack's bucket on its S3 emulator.
 */
function documentsTarget(options: {
  table?: string;
  bucket?: string;
  "data-dir"?: string;
}): Documents {
  if (options.table) {
    if (!options.bucket) throw new Error("--bucket <name> is needed with --table");
    return { s3: new S3Client({}), bucket: options.bucket };
  }
  const local = runningLocalStack(options["data-dir"]);
  if (!local.bucketName || !local.awsEndpoint) {
    throw new Error("the running local stack's file names no bucket: restart it (npm start)");
  }
  const s3 = new S3Client({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: local.awsEndpoint,
    forcePathStyle: true,
  });
  return { s3, bucket: local.bucketName };
}
