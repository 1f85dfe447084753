import type { EnterpriseCoverage } from "../../shared/risk/enterprise.ts";
import {
  type EnterpriseRollup,
  type EnterpriseStage,
  stageOf,
} from "../../shared/stats/enterprise-coverage.ts";
import { type JurisdictionQuery, placeKeys } from "../../shared/tenancy/scope.ts";
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
  return coverageOf(items);
}

/** The coverage of each rollup read that has one. */
function coverageOf(
  items: readonly { tenantId: string; rollup?: EnterpriseRollup | undefined }[],
): Map<string, EnterpriseCoverage> {
  const found = new Map<string, EnterpriseCoverage>();
  for (const { tenantId, rollup } of items) {
    const stage = rollup ? stageOf(rollup) : null;
    if (!rollup || !stage) continue;
    const { sources, graded, overdue } = rollup;
    found.set(tenantId, { stage, sources, graded, overdue });
  }
  return found;
}

/**
 * One page of the enterprises at a stage in one index partition of a jurisdiction query (the
 * fold keeps each enterprise's rollup keyed by its stage and place): their tenant ids, in the
 * order of the place index, so the directory's stage filter reads what it lists, not the city —
 * and their coverage, read with them from the same rollups.
 */
export async function tenantsAtStage(
  store: Store,
  plan: JurisdictionQuery,
  stage: EnterpriseStage,
  shard: number,
  cursor: string | null,
  limit: number,
): Promise<{
  tenantIds: string[];
  coverage: Map<string, EnterpriseCoverage>;
  cursor: string | null;
}> {
  const entity = store.entities.statsContribution;
  const place = placeKeys(plan);
  const query =
    place.index === "district"
      ? entity.query.stageByDistrict({ ...place.keys, stage, shard })
      : entity.query.stageByIndustry({ ...place.keys, stage, shard });
  const page = await query.go({ cursor, limit, attributes: ["tenantId", "rollup"] });
  return {
    tenantIds: page.data.map((d) => d.tenantId),
    coverage: coverageOf(page.data),
    cursor: page.cursor,
  };
}
