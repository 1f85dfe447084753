import type { StoredJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";

/** The item of a job at `version`; `updatedAt`, its heartbeat, is derived from the record. */
function jobItem(job: StoredJob, version: number) {
  return {
    tenantId: job.tenantId,
    id: job.id,
    status: job.status,
    version,
    record: { ...job, version },
  };
}

export async function loadJob(
  store: Store,
  tenantId: string,
  id: string,
): Promise<StoredJob | undefined> {
  const { data } = await store.entities.importJob.get({ tenantId, id }).go();
  // The item's version decides the next save's condition, whatever the record copy says.
  return data ? { ...data.record, version: data.version ?? 0 } : undefined;
}

/** Records a new job (version 1) with what must follow it (`also`); the job takes the version. */
export async function createJob(
  store: Store,
  job: StoredJob,
  also: readonly WriteStep[] = [],
): Promise<void> {
  const outcome = await attemptTogether(store, [
    { action: (tx) => tx.importJob.create(jobItem(job, 1)).commit() },
    ...also,
  ]);
  if (!outcome.committed) throw new Error(`job ${job.id} exists already`);
  job.version = 1;
}

/**
 * Saves a job over the version it was read at, with what must follow the save (`also`: its
 * queue message), and bumps the version in place. `false` when the
 * stored job moved on meanwhile — another worker (a redelivered or re-enqueued message) took
 * it over — and nothing was written: the caller stops instead of overwriting newer progress.
 */
export async function saveJob<J extends StoredJob>(
  store: Store,
  job: J,
  also: readonly WriteStep[] = [],
): Promise<boolean> {
  const expected = job.version ?? 0;
  const outcome = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.importJob
          .put(jobItem(job, expected + 1))
          .where(({ version }, { eq, notExists }) =>
            expected === 0 ? `${notExists(version)} OR ${eq(version, 0)}` : eq(version, expected),
          )
          .commit(),
    },
    ...also,
  ]);
  if (outcome.committed) job.version = expected + 1;
  return outcome.committed;
}

/** Jobs still `queued` or `running` whose heartbeat (`updatedAt`) is before `before`, any tenant. */
export async function jobsIdleSince(store: Store, before: Date): Promise<StoredJob[]> {
  const { data } = await store.entities.importJob.query
    .activeByHeartbeat({})
    .lt({ updatedAt: before.toISOString() })
    .go({ pages: "all" });
  return data.map((item) => ({ ...item.record, version: item.version ?? 0 }));
}
