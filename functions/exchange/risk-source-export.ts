import { type Cell, cellsOf } from "../../shared/exchange/columns.ts";
import { RISK_SOURCE_COLUMNS } from "../../shared/exchange/risk-source-columns.ts";
import { LEVEL_INFO, type Level } from "../../shared/methodology/levels.ts";
import type { RiskSourceListQuery } from "../../shared/risk/list-query.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { maskContactsFor } from "../../shared/tenancy/masking.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { type SpreadsheetFormat, writeRows } from "../adapters/spreadsheet/spreadsheet.ts";
import { listRiskSources } from "../registry/risk-source-listing.ts";

/** Rows read per listing page; the file goes to S3, so an export has no row limit. */
const PAGE = 200;

const levelName = (level: Level | null): Cell => (level ? LEVEL_INFO[level].name.zh : "未评估");

/** Columns only an export has: the state assessments gave each source. */
const STATE_COLUMNS = [
  { key: "id", label: "风险源编号", cell: (s: RiskSource): Cell => s.id },
  {
    key: "currentLevel",
    label: "当前风险等级",
    cell: (s: RiskSource) => levelName(s.currentLevel),
  },
  {
    key: "nextReviewAt",
    label: "下次复评日期",
    cell: (s: RiskSource): Cell => s.nextReviewAt?.slice(0, 10) ?? null,
  },
] as const;

/** Every source the scope reaches (filters narrow it), through the registry's own listing. */
export async function reachable(
  caller: Caller,
  scope: Scope,
  filters: Omit<RiskSourceListQuery, "cursor" | "limit">,
): Promise<RiskSource[]> {
  const sources: RiskSource[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRiskSources(caller, scope, {
      ...filters,
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    sources.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return sources;
}

/** The export file: template columns first (so it can be edited and imported), then state. */
export async function exportRiskSources(
  caller: Caller,
  scope: Scope,
  filters: Omit<RiskSourceListQuery, "cursor" | "limit">,
  format: SpreadsheetFormat,
): Promise<{ file: Uint8Array; rows: number }> {
  const sources = await reachable(caller, scope, filters);
  const columns = [
    ...STATE_COLUMNS.map(({ key, label }) => ({ key, label })),
    ...RISK_SOURCE_COLUMNS.map(({ key, label }) => ({ key, label })),
  ];
  const rows = sources.map((source) => {
    const visible = maskContactsFor(caller.role, source, source.tenantId === caller.tenantId);
    return {
      ...cellsOf(RISK_SOURCE_COLUMNS, visible),
      ...Object.fromEntries(STATE_COLUMNS.map((c) => [c.key, c.cell(visible)])),
    };
  });
  const file = await writeRows(format, "风险源清单", columns, rows);
  return { file, rows: rows.length };
}
