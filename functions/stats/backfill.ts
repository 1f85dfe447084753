import { isDeepStrictEqual } from "node:util";
import { forEachScannedPage } from "../adapters/dynamodb/scan-entities.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { dynamoFoldStore, foldedSourceOf, stageKeys } from "./dynamodb-fold-store.ts";
import { commitPlan, foldChanges, MAX_ATTEMPTS } from "./fold.ts";
import { type FoldableItem, foldChangeOfItem } from "./fold-change.ts";
import { ENTERPRISE_ROLLUP, type FoldStore, type SliceKey, sliceKey } from "./fold-model.ts";
import { planRollupRepair, planStaleCellsRemoved, rebuiltRollup } from "./fold-plan.ts";

/** Enterprises repaired side by side: each is its own small transaction. */
const WORKERS = 8;
/** Registry records handed to the fold at a time, as a stream batch would be. */
const FOLD_BATCH = 200;

export interface BackfillOutcome {
  /** Registry records folded now: the fold had not seen them at their version. */
  folded: number;
  /** Tenants whose rollup was checked. */
  enterprises: number;
  /** Rollups rewritten: counted wrong, missing, or without the directory's stage keys. */
  repaired: number;
  /** Counter items that held cells their slice no longer keeps, now without them. */
  cleared: number;
}

const STAGE_KEYS = ["stage", "district", "street", "industry", "shard"] as const;

/**
 * Brings the statistics of a table written before the fold (or before parts of it) in line
 * with its registry. First every record the fold never saw is folded — sources, warnings,
 * tenants, profiles and review notices written before it was deployed; the fold's version guard
 * makes this a no-op for the rest. Then every enterprise's rollup is rebuilt from its folded
 * sources, for a table folded before rollups existed (sources folded, no rollup counting them,
 * no coverage cells) or before rollups carried the directory's stage keys. Each enterprise is
 * repaired in one transaction on its rollup's version, so the live fold may run beside it (whichever writes
 * second reads again), a killed run is finished by running it again, and a second run finds
 * nothing to do. Last, counter items written before street cells moved to district slices lose
 * the street cells they still hold. The table is read a page at a time; what is held is one id
 * per tenant and the keys of the counter items to clear.
 * Trend snapshots of past days are not rewritten: days before the backfill read
 * as the fold left them.
 */
export async function backfillRollups(
  store: Store,
  fold: FoldStore = dynamoFoldStore(store),
): Promise<BackfillOutcome> {
  // Page by page: what stays is one id per tenant, never the table.
  const tenantIds = new Set<string>();
  const staleSlices: SliceKey[] = [];
  let folded = 0;
  await forEachScannedPage(
    store,
    [
      "riskSource",
      "warning",
      "reviewNotice",
      "tenant",
      "enterprise",
      "statsContribution",
      "statsSlice",
    ],
    async (page) => {
      for (const r of [...page.tenant, ...page.enterprise, ...page.statsContribution]) {
        tenantIds.add(r.tenantId);
      }
      for (const { slice, shard, counts } of page.statsSlice) {
        if (planStaleCellsRemoved({ slice, shard }, counts)) staleSlices.push({ slice, shard });
      }
      // Records the fold never saw (written before it was deployed) fold now; the rest are no-ops.
      const items: FoldableItem[] = [
        ...page.riskSource.map((i) => ({ __edb_e__: "riskSource" as const, ...i })),
        ...page.warning.map((i) => ({ __edb_e__: "warning" as const, ...i })),
        ...page.reviewNotice.map((i) => ({ __edb_e__: "reviewNotice" as const, ...i })),
        ...page.tenant.map((i) => ({ __edb_e__: "tenant" as const, ...i })),
        ...page.enterprise.map((i) => ({ __edb_e__: "enterprise" as const, ...i })),
      ];
      const changes = items.map((i) => foldChangeOfItem(i)).filter((c) => c !== undefined);
      for (let i = 0; i < changes.length; i += FOLD_BATCH) {
        folded += await foldChanges(fold, changes.slice(i, i + FOLD_BATCH));
      }
    },
  );
  // Step one folded every tenant record and profile: the rollups' status and place are current.
  const queue = [...tenantIds].sort();
  let next = 0;
  let repaired = 0;
  const worker = async () => {
    while (next < queue.length) {
      const tenantId = queue[next++] as string;
      if (await repairRollup(store, fold, tenantId)) repaired++;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  let cleared = 0;
  for (const key of staleSlices) if (await clearStaleCells(fold, key)) cleared++;
  return { folded, enterprises: queue.length, repaired, cleared };
}

/**
 * Takes the cells a counter item's slice no longer keeps off it, on the version just read: the
 * live fold never writes those cells, so a race only makes this read again.
 */
async function clearStaleCells(fold: FoldStore, key: SliceKey): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const item = (await fold.readSlices([key])).get(sliceKey(key.slice, key.shard));
    const plan = item && planStaleCellsRemoved(key, item.counts);
    if (!plan) return false;
    if (await commitPlan(fold, plan)) return true;
  }
  throw new Error(`clearing ${key.slice}#${key.shard} lost ${MAX_ATTEMPTS} races in a row`);
}

/** Repairs one enterprise's rollup from its folded records, read consistently; whether it wrote. */
async function repairRollup(store: Store, fold: FoldStore, tenantId: string): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { data } = await store.entities.statsContribution.query
      .byTenant({ tenantId })
      .go({ pages: "all", consistent: true });
    const stored = data.find((d) => d.sourceId === ENTERPRISE_ROLLUP);
    const sources = data.filter((d) => d.sourceId !== ENTERPRISE_ROLLUP).map(foldedSourceOf);
    const rollup = rebuiltRollup(stored?.rollup, sources);
    const keys = stageKeys(tenantId, rollup);
    const keyed = stored && STAGE_KEYS.every((k) => stored[k] === keys[k]);
    if (keyed && isDeepStrictEqual(stored.rollup, rollup)) return false;
    const was = stored && foldedSourceOf(stored);
    if (await commitPlan(fold, planRollupRepair(tenantId, was, rollup))) return true;
  }
  throw new Error(`repairing ${tenantId}'s rollup lost ${MAX_ATTEMPTS} races in a row`);
}
