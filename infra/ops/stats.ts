import { backfillRollups } from "../../functions/stats/backfill.ts";
import { reconcileStats } from "../../functions/stats/reconcile.ts";
import { s3ReconciliationObjects } from "../../functions/stats/reconciliation-objects.ts";
import { tableCommand } from "./table-target.ts";

// The statistics fold, for operators: `npm run stats -- reconcile` recomputes every counter from
// the registry and lists the drift (the nightly job's check, on demand); `-- backfill` folds
// what the fold never saw and rebuilds the enterprise rollups a table folded before they existed
// lacks (safe beside the live fold, and run again after a kill). Against AWS give the table
// (`--table <name>`; reconcile also `--bucket <name>`, where it keeps its partial sums); without
// them, the running local stack of CITYRISK_DATA_DIR (default .data).
const { command, store, tableName, documents } = tableCommand("stats", ["reconcile", "backfill"]);
if (command === "reconcile") {
  const { s3, bucket } = documents();
  const drift = await reconcileStats(store, s3ReconciliationObjects(s3, bucket));
  for (const d of drift) {
    const moved = d.movedDuringPass ? "\t(folded while the pass ran: look again)" : "";
    console.log(`${d.slice}\t${d.counter}\t${d.folded}\t${d.registry}${moved}`);
  }
  console.log(`${drift.length} drifting counter(s) in ${tableName}`);
  process.exitCode = drift.length === 0 ? 0 : 1;
} else {
  const { folded, enterprises, repaired, cleared } = await backfillRollups(store);
  console.log(
    `${folded} record(s) folded, ${repaired} of ${enterprises} rollup(s) rebuilt, ${cleared} counter item(s) cleared of stale cells in ${tableName}`,
  );
}
