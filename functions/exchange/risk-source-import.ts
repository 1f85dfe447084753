import { NotFoundError } from "../../shared/errors.ts";
import { rowErrorsOf } from "../../shared/exchange/columns.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import type { Enterprise } from "../../shared/risk/enterprise.ts";
import {
  type RiskSourceCreateInput,
  RiskSourceCreateInputSchema,
} from "../../shared/risk/risk-source.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { attemptTogether, auditStep } from "../platform/data/unit-of-work.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { riskSourceItem } from "../registry/risk-source-item.ts";
import { foreignSupervision, newRiskSource } from "../registry/risk-sources.ts";
import { contentId } from "./row-ids.ts";
import { type RowOutcome, type RunControl, type RunResult, runRows } from "./row-runner.ts";

/**
 * The id part of an imported row's source (and of its audit record): derived from the tenant and
 * the row's content key, not from the job, so neither a redelivered message nor the same file
 * submitted again as a new job writes a row twice.
 */
export function importedId(tenantId: string, contentKey: string): string {
  return contentId(tenantId, "riskSource", contentKey);
}

/**
 * One valid row: the source and its audit record in one transaction. A refused create means the
 * row is stored already: by an earlier delivery of this job (its sources carry the job's
 * `createdAt`), which counts as written once, or by an earlier import, which leaves it unchanged.
 */
async function writeSource(
  store: Store,
  job: StoredImportJob,
  row: number,
  input: RiskSourceCreateInput,
  contentKey: string,
  enterprise: Enterprise,
): Promise<RowOutcome> {
  // Supervision is the government's to assign: a row may not name other supervisors.
  const foreign = foreignSupervision(enterprise, input);
  if (foreign.length > 0) {
    return { kind: "refused", errors: rowErrorsOf(RISK_SOURCE_COLUMNS, row, foreign) };
  }
  if (job.dryRun) return { kind: "written" };
  const now = new Date(job.createdAt);
  const localId = importedId(job.tenantId, contentKey);
  const record = { ...newRiskSource(job.tenantId, input, now), id: `${job.tenantId}~${localId}` };
  const audit = {
    ...auditRecord(
      job.caller,
      {
        tenantId: job.tenantId,
        action: "riskSource.import",
        target: { type: "riskSource", id: record.id },
        after: record,
      },
      now,
    ),
    id: localId,
  };
  const outcome = await attemptTogether(store, [
    { action: (tx) => tx.riskSource.create(riskSourceItem(record)).commit() },
    auditStep(audit),
  ]);
  if (outcome.committed) return { kind: "written" };
  const { data } = await store.entities.riskSource
    .get({ tenantId: job.tenantId, id: record.id })
    .go();
  return data?.record.createdAt === record.createdAt ? { kind: "written" } : { kind: "unchanged" };
}

/** Imports the rows of a risk-source sheet into the job's (enterprise) tenant. */
export async function importRiskSources(
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  control: RunControl,
): Promise<RunResult> {
  const enterprise = await loadEnterprise(store, job.tenantId);
  if (!enterprise) {
    throw new NotFoundError({
      zh: "请先完善企业信息，再导入风险源",
      en: "Register the enterprise profile before importing its risk sources",
    });
  }
  return runRows(
    job,
    sheet,
    RISK_SOURCE_COLUMNS,
    RiskSourceCreateInputSchema,
    (row, input, contentKey) => writeSource(store, job, row, input, contentKey, enterprise),
    control,
    false,
  );
}
