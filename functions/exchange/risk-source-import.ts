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
import { type RowOutcome, runRows } from "./row-runner.ts";

/**
 * Ids of what an import writes derive from the job and the row, so a redelivered message
 * finds its earlier writes (`create` refuses them) instead of writing twice.
 */
export function importedId(job: StoredImportJob, row: number): string {
  return `${job.id}R${String(row).padStart(4, "0")}`;
}

/** One valid row: the source and its audit record in one transaction. */
async function writeSource(
  store: Store,
  job: StoredImportJob,
  row: number,
  input: RiskSourceCreateInput,
  enterprise: Enterprise,
): Promise<RowOutcome> {
  // Supervision is the government's to assign: a row may not name other supervisors.
  const foreign = foreignSupervision(enterprise, input);
  if (foreign.length > 0) {
    return { kind: "refused", errors: rowErrorsOf(RISK_SOURCE_COLUMNS, row, foreign) };
  }
  if (job.dryRun) return { kind: "written" };
  const now = new Date(job.createdAt);
  const record = {
    ...newRiskSource(job.tenantId, input, now),
    id: `${job.tenantId}~${importedId(job, row)}`,
  };
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
    id: importedId(job, row),
  };
  // A refused create means an earlier delivery of this job already wrote the row.
  await attemptTogether(store, [
    { action: (tx) => tx.riskSource.create(riskSourceItem(record)).commit() },
    auditStep(audit),
  ]);
  return { kind: "written" };
}

/** Imports the rows of a risk-source sheet into the job's (enterprise) tenant. */
export async function importRiskSources(
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  save: (job: StoredImportJob) => Promise<void>,
): Promise<void> {
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
    (row, input) => writeSource(store, job, row, input, enterprise),
    save,
    false,
  );
}
