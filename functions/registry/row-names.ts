import { batchRead } from "../adapters/dynamodb/batch-read.ts";
import { type Store, tableOf } from "../adapters/dynamodb/store.ts";

/**
 * Enterprise names this container read lately. A name is shown beside every source an answer
 * carries, and changes a few times in an enterprise's life: reading it again on every
 * registration and assessment cost a read per request for nothing. A renamed enterprise shows
 * its new name within NAME_TTL_MS. Only names are kept, and only after the caller's scope
 * admitted the rows they label.
 */
const NAME_TTL_MS = 30_000;
const NAMES_KEPT = 5_000;
const recentNames = new Map<string, { name: string; until: number }>();

function remember(key: string, name: string, now: number): void {
  if (recentNames.size >= NAMES_KEPT) {
    const oldest = recentNames.keys().next().value;
    if (oldest !== undefined) recentNames.delete(oldest);
  }
  recentNames.delete(key);
  recentNames.set(key, { name, until: now + NAME_TTL_MS });
}

/** The names of the enterprises behind a page of rows, by tenant id. */
export async function enterpriseNames(
  store: Store,
  tenantIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const now = Date.now();
  const table = tableOf(store);
  const names = new Map<string, string>();
  const missing: { tenantId: string }[] = [];
  for (const tenantId of new Set(tenantIds)) {
    const known = recentNames.get(`${table}/${tenantId}`);
    if (known && known.until > now) names.set(tenantId, known.name);
    else missing.push({ tenantId });
  }
  const items = await batchRead(missing, (batch) => store.entities.enterprise.get(batch).go());
  for (const item of items) {
    names.set(item.tenantId, item.record.name);
    remember(`${table}/${item.tenantId}`, item.record.name, now);
  }
  return names;
}

/** The names of the risk sources behind a page of rows (assessments), by source id. */
export async function riskSourceNames(
  store: Store,
  sources: readonly { tenantId: string; id: string }[],
): Promise<ReadonlyMap<string, string>> {
  const unique = new Map(sources.map((s) => [s.id, { tenantId: s.tenantId, id: s.id }]));
  const items = await batchRead([...unique.values()], (batch) =>
    store.entities.riskSource.get(batch).go(),
  );
  return new Map(items.map((item) => [item.id, item.record.name]));
}

/** One enterprise's name (written onto a submitted assessment for the review queue). */
export async function enterpriseNameOf(
  store: Store,
  tenantId: string,
): Promise<string | undefined> {
  return (await enterpriseNames(store, [tenantId])).get(tenantId);
}
