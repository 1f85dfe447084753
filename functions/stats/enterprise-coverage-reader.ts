import type { EnterpriseCoverage } from "../../shared/risk/enterprise.ts";
import { stageOf } from "../../shared/stats/enterprise-coverage.ts";
import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { ENTERPRISE_ROLLUP } from "./fold-model.ts";

/**
 * Enterprises' coverage as the fold keeps it (their rollups): one batch read for a page of
 * enterprises. An enterprise the fold has not counted (no tenant record or profile folded yet)
 * has none.
 */
export async function enterpriseCoverage(
  store: Store,
  tenantIds: readonly string[],
): Promise<Map<string, EnterpriseCoverage>> {
  const keys = [...new Set(tenantIds)].map((tenantId) => ({
    tenantId,
    sourceId: ENTERPRISE_ROLLUP,
  }));
  const items = await batchRead(keys, (batch) => store.entities.statsContribution.get(batch).go());
  const found = new Map<string, EnterpriseCoverage>();
  for (const { tenantId, rollup } of items) {
    const stage = rollup ? stageOf(rollup) : null;
    if (!rollup || !stage) continue;
    const { sources, graded, overdue } = rollup;
    found.set(tenantId, { stage, sources, graded, overdue });
  }
  return found;
}
