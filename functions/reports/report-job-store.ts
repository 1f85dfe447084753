import type { StoredReportJob } from "../adapters/dynamodb/entities/report-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";

/** A stored job and the version it was read at (the next save's condition). */
export interface VersionedReportJob {
  job: StoredReportJob;
  version: number;
}

export async function loadReportJob(
  store: Store,
  tenantId: string,
  id: string,
): Promise<VersionedReportJob | undefined> {
  const { data } = await store.entities.reportJob.get({ tenantId, id }).go({ consistent: true });
  return data ? { job: data.record, version: data.version } : undefined;
}

/** The agency's latest jobs, newest first (ULID ids sort by time). */
export async function latestReportJobs(
  store: Store,
  tenantId: string,
  limit: number,
): Promise<StoredReportJob[]> {
  const { data } = await store.entities.reportJob.query
    .byTenant({ tenantId })
    .go({ order: "desc", limit });
  return data.map((item) => item.record);
}

/** Records a new job together with what must follow it (its queue message). */
export async function createReportJob(
  store: Store,
  job: StoredReportJob,
  also: readonly WriteStep[],
): Promise<void> {
  const outcome = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.reportJob
          .create({ tenantId: job.tenantId, id: job.id, version: 1, record: job })
          .commit(),
    },
    ...also,
  ]);
  if (!outcome.committed) throw new Error(`report job ${job.id} exists already`);
}

/** Queued or running jobs whose last heartbeat is older than `before`, across agencies. */
export async function reportJobsIdleSince(
  store: Store,
  before: Date,
): Promise<VersionedReportJob[]> {
  const { data } = await store.entities.reportJob.query
    .activeByHeartbeat({})
    .lt({ updatedAt: before.toISOString() })
    .go({ pages: "all" });
  return data.map((item) => ({ job: item.record, version: item.version }));
}

/**
 * Saves a job over the version it was read at, with what must follow it (a queue message);
 * `false` when another delivery of its message saved it meanwhile (nothing written: that
 * delivery carries on).
 */
export async function saveReportJob(
  store: Store,
  read: VersionedReportJob,
  also: readonly WriteStep[] = [],
): Promise<boolean> {
  const { job, version } = read;
  const outcome = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.reportJob
          .put({ tenantId: job.tenantId, id: job.id, version: version + 1, record: job })
          .where(({ version: v }, { eq }) => eq(v, version))
          .commit(),
    },
    ...also,
  ]);
  if (outcome.committed) read.version = version + 1;
  return outcome.committed;
}
