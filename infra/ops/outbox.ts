import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { storeFor } from "../../functions/adapters/dynamodb/store.ts";
import { deadMessages, redriveDead } from "../../functions/platform/outbox/sweep.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/runners/local-account.ts";
import { readStackFile } from "../local/stack-file.ts";

// The outbox's dead letters, for operators: `npm run outbox -- dead` lists them, `-- redrive`
// puts them back in line (the stream delivers each at once). Against AWS give the table
// (`--table <name>`, credentials and region from the usual AWS environment); without it, the
// running local stack of CITYRISK_DATA_DIR (default .data).
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { table: { type: "string" }, "data-dir": { type: "string" } },
});
const command = positionals[0];
if (command !== "dead" && command !== "redrive") {
  console.error("usage: npm run outbox -- dead|redrive [--table <name>] [--data-dir <dir>]");
  process.exit(2);
}

function target(): { client: DynamoDBClient; tableName: string } {
  if (values.table) return { client: new DynamoDBClient({}), tableName: values.table };
  const dataDir = resolve(values["data-dir"] ?? process.env.CITYRISK_DATA_DIR ?? ".data");
  const local = readStackFile(dataDir);
  return {
    client: new DynamoDBClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: local.dynamodbEndpoint,
    }),
    tableName: local.tableName,
  };
}

const { client, tableName } = target();
const store = storeFor(client, tableName);
if (command === "dead") {
  const dead = await deadMessages(store);
  for (const m of dead) {
    console.log(`${m.tenantId}\t${m.id}\t${m.effect.channel}\t${m.attempts}\t${m.lastError ?? ""}`);
  }
  console.log(`${dead.length} dead message(s) in ${tableName}`);
} else {
  console.log(`${await redriveDead(store, new Date())} message(s) redriven in ${tableName}`);
}
