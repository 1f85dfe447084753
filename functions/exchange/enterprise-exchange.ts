import type * as z from "zod";
import type { Bilingual } from "../../shared/errors.ts";
import { rowError } from "../../shared/exchange/columns.ts";
import {
  CENSUS_COLUMNS,
  STANDARDIZATION_COLUMNS,
  StandardizationRowSchema,
} from "../../shared/exchange/enterprise-columns.ts";
import {
  type Enterprise,
  type EnterpriseCreateInput,
  EnterpriseCreateInputSchema,
  placeOfEnterprise,
} from "../../shared/risk/enterprise.ts";
import { covers, type Place } from "../../shared/tenancy/scope.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { StoredImportJob } from "../adapters/dynamodb/entities/import-job.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { SheetRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { attemptTogether, auditStep } from "../platform/data/unit-of-work.ts";
import { enterpriseItem, loadEnterprise } from "../registry/enterprise-item.ts";
import { tenantItem } from "../tenancy/tenant-records.ts";
import { type RowOutcome, type RunControl, type RunResult, runRows } from "./row-runner.ts";

const OUTSIDE: Bilingual = {
  zh: "该企业不在您的辖区内",
  en: "The enterprise lies outside your jurisdiction",
};
const UNKNOWN: Bilingual = {
  zh: "未找到该统一社会信用代码的企业，请先通过普查导入或注册",
  en: "No enterprise has this credit code; import it from the census or let it sign up first",
};
const CONFLICT: Bilingual = {
  zh: "企业信息在导入期间被修改，请重新导入该行",
  en: "The enterprise changed during the import; import this row again",
};

function refuse(row: number, uscc: string, key: string, message: Bilingual): RowOutcome {
  const column = [...CENSUS_COLUMNS, ...STANDARDIZATION_COLUMNS].find((c) => c.key === key);
  return {
    kind: "refused",
    errors: [rowError(row, column, "exchange.rejected", message)],
    report: { list: "rejected", entry: { row, uscc, message } },
  };
}

/**
 * The id part of what a census row creates. It may derive from the job: the credit-code claim
 * written in the same transaction is what keeps an enterprise from being created twice, and the
 * claim's owner tells a redelivery of this job (created) from an earlier job (then an update).
 */
function censusRowId(job: StoredImportJob, row: number): string {
  return `${job.id}R${String(row).padStart(4, "0")}`;
}

async function ownerOfUscc(store: Store, uscc: string): Promise<string | undefined> {
  const { data } = await store.entities.uniqueClaim.get({ kind: "uscc", value: uscc }).go();
  return data?.tenantId;
}

const CENSUS_FIELDS = [
  "name",
  "industry",
  "district",
  "street",
  "address",
  "location",
  "principal",
  "safetyContact",
] as const;

/** The profile after a census row: census fields replace, e-mail addresses it lacks are kept. */
function merged(before: Enterprise, input: EnterpriseCreateInput): Enterprise {
  return {
    ...before,
    ...input,
    principal: { ...before.principal, ...input.principal },
    safetyContact: { ...before.safetyContact, ...input.safetyContact },
  };
}

function changedFields(before: Enterprise, after: Enterprise, fields: readonly string[]): string[] {
  const at = (e: Enterprise, f: string) => JSON.stringify((e as Record<string, unknown>)[f]);
  return fields.filter((f) => at(before, f) !== at(after, f));
}

/** Writes a changed profile (version + 1) with its audit record, if nobody changed it meanwhile. */
async function updateProfile(
  store: Store,
  job: StoredImportJob,
  before: Enterprise,
  changes: Enterprise,
  action: string,
): Promise<boolean> {
  const now = new Date();
  const after: Enterprise = {
    ...changes,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  const audit = auditRecord(
    job.caller,
    {
      tenantId: before.tenantId,
      action,
      target: { type: "enterprise", id: before.tenantId },
      before,
      after,
    },
    now,
  );
  const outcome = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.enterprise
          .put(enterpriseItem(after))
          .where(({ version }, { eq }) => eq(version, before.version))
          .commit(),
    },
    auditStep(audit),
  ]);
  return outcome.committed;
}

/**
 * A new census enterprise: tenant (`preregistered`), profile and credit-code claim in one
 * transaction. The tenant id derives from the job and row, so a redelivery recognises its own
 * earlier write through the claim.
 */
async function preregister(
  store: Store,
  job: StoredImportJob,
  row: number,
  input: EnterpriseCreateInput,
): Promise<"created" | "taken"> {
  const tenantId = `t-${censusRowId(job, row).toLowerCase()}`;
  const now = new Date(job.createdAt);
  const at = now.toISOString();
  const tenant: Tenant = {
    id: tenantId,
    kind: "enterprise",
    status: "preregistered",
    name: input.name,
    uscc: input.uscc,
    district: input.district,
    street: input.street,
    industry: input.industry,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const profile: Enterprise = {
    ...input,
    id: tenantId,
    tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const audit = {
    ...auditRecord(
      job.caller,
      {
        tenantId,
        action: "enterprise.censusImport",
        target: { type: "enterprise", id: tenantId },
        after: profile,
      },
      now,
    ),
    id: censusRowId(job, row),
  };
  const outcome = await attemptTogether(store, [
    {
      action: (tx) =>
        tx.uniqueClaim
          .create({ kind: "uscc", value: input.uscc, tenantId, ownerId: tenantId })
          .commit(),
    },
    { action: (tx) => tx.tenant.create(tenantItem(tenant)).commit() },
    { action: (tx) => tx.enterprise.create(enterpriseItem(profile)).commit() },
    auditStep(audit),
  ]);
  if (outcome.committed) return "created";
  return (await ownerOfUscc(store, input.uscc)) === tenantId ? "created" : "taken";
}

async function censusRow(
  store: Store,
  job: StoredImportJob,
  row: number,
  input: EnterpriseCreateInput,
): Promise<RowOutcome> {
  const { uscc, name } = input;
  const place: Place = { district: input.district, street: input.street, industry: input.industry };
  if (!covers(job.caller.jurisdiction, place)) return refuse(row, uscc, "district", OUTSIDE);
  let owner = await ownerOfUscc(store, uscc);
  if (owner === undefined) {
    if (job.dryRun)
      return { kind: "written", report: { list: "created", entry: { row, uscc, name } } };
    const result = await preregister(store, job, row, input);
    if (result === "created") {
      const tenantId = `t-${censusRowId(job, row).toLowerCase()}`;
      return { kind: "written", report: { list: "created", entry: { row, uscc, name, tenantId } } };
    }
    owner = await ownerOfUscc(store, uscc);
  }
  const tenantId = owner as string;
  const before = await loadEnterprise(store, tenantId);
  if (!before) return refuse(row, uscc, "uscc", UNKNOWN);
  if (!covers(job.caller.jurisdiction, placeOfEnterprise(before)))
    return refuse(row, uscc, "district", OUTSIDE);
  const after = merged(before, input);
  const fields = changedFields(before, after, CENSUS_FIELDS);
  const entry = { row, uscc, name, tenantId };
  if (fields.length === 0) return { kind: "unchanged", report: { list: "unchanged", entry } };
  if (!job.dryRun && !(await updateProfile(store, job, before, after, "enterprise.censusUpdate")))
    return refuse(row, uscc, "uscc", CONFLICT);
  return { kind: "written", report: { list: "updated", entry: { ...entry, fields } } };
}

type StandardizationRow = z.infer<typeof StandardizationRowSchema>;

async function standardizationRow(
  store: Store,
  job: StoredImportJob,
  row: number,
  input: StandardizationRow,
): Promise<RowOutcome> {
  const { uscc } = input;
  const tenantId = await ownerOfUscc(store, uscc);
  const before = tenantId === undefined ? undefined : await loadEnterprise(store, tenantId);
  if (!before || tenantId === undefined) return refuse(row, uscc, "uscc", UNKNOWN);
  if (!covers(job.caller.jurisdiction, placeOfEnterprise(before)))
    return refuse(row, uscc, "uscc", OUTSIDE);
  const entry = { row, uscc, name: before.name, tenantId };
  const after: Enterprise = { ...before, standardization: input.standardization };
  if (changedFields(before, after, ["standardization"]).length === 0)
    return { kind: "unchanged", report: { list: "unchanged", entry } };
  if (
    !job.dryRun &&
    !(await updateProfile(store, job, before, after, "enterprise.standardizationUpdate"))
  )
    return refuse(row, uscc, "uscc", CONFLICT);
  return {
    kind: "written",
    report: { list: "updated", entry: { ...entry, fields: ["standardization"] } },
  };
}

/** Census extract: new enterprises pre-registered, existing ones updated, with a change report. */
export function importCensus(
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  control: RunControl,
): Promise<RunResult> {
  return runRows(
    job,
    sheet,
    CENSUS_COLUMNS,
    EnterpriseCreateInputSchema,
    (row, input) => censusRow(store, job, row, input),
    control,
    true,
  );
}

/** Standardization export: each enterprise's grade, certificate and expiry. */
export function importStandardization(
  store: Store,
  job: StoredImportJob,
  sheet: SheetRows,
  control: RunControl,
): Promise<RunResult> {
  return runRows(
    job,
    sheet,
    STANDARDIZATION_COLUMNS,
    StandardizationRowSchema,
    (row, input) => standardizationRow(store, job, row, input),
    control,
    true,
  );
}
