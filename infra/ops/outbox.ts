import { deadMessages, redriveDead } from "../../functions/platform/outbox/sweep.ts";
import { tableCommand } from "./table-target.ts";

// The outbox's dead letters, for operators: `npm run outbox -- dead` lists them, `-- redrive`
// puts them back in line (the stream delivers each at once). Against AWS give the table
// (`--table <name>`, credentials and region from the usual AWS environment); without it, the
// running local stack of CITYRISK_DATA_DIR (default .data).
const { command, store, tableName } = tableCommand("outbox", ["dead", "redrive"]);
if (command === "dead") {
  const dead = await deadMessages(store);
  for (const m of dead) {
    console.log(`${m.tenantId}\t${m.id}\t${m.effect.channel}\t${m.attempts}\t${m.lastError ?? ""}`);
  }
  console.log(`${dead.length} dead message(s) in ${tableName}`);
} else {
  console.log(`${await redriveDead(store, new Date())} message(s) redriven in ${tableName}`);
}
