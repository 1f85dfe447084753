import { LEVELS, type Level } from "../methodology/levels.ts";
import type { RiskSource } from "../risk/risk-source.ts";
import type { Jurisdiction } from "../tenancy/claims.ts";
import { isLive, type Warning } from "../warnings/warning.ts";
import {
  type EnterpriseContribution,
  type EnterpriseCoverageRow,
  enterpriseCellsOf,
  isEnterpriseStage,
  type SourceStanding,
  zeroEnterpriseRow,
} from "./enterprise-coverage.ts";

/**
 * What one risk source adds to the folded statistics (统计): where it sits, its level and its
 * accident types. A deleted source contributes nothing (`null`).
 */
export interface SourceContribution {
  kind?: never;
  district: string;
  street: string;
  industry: string;
  /** `null` while ungraded: counted as registered, not as assessed. */
  level: Level | null;
  accidentTypes: readonly string[];
  /** When its next review falls due: the enterprise's coverage stage needs it (absent: none). */
  nextReviewAt?: string | null;
}

/**
 * What one live warning adds (预警): its place and level, and whether it still waits to be
 * acknowledged — so an official's dashboard counts them without reading the warnings. A warning
 * no longer live contributes nothing (`null`).
 */
export interface WarningContribution {
  kind: "warning";
  district: string;
  street: string;
  industry: string;
  level: Level;
  open: boolean;
}

export type Contribution = SourceContribution | WarningContribution | EnterpriseContribution;

export function warningContributionOf(warning: Warning): WarningContribution | null {
  if (!isLive(warning.status)) return null;
  return {
    kind: "warning",
    ...warning.place,
    level: warning.level,
    open: warning.status === "open",
  };
}

export function contributionOf(source: RiskSource): SourceContribution {
  return {
    district: source.supervision.district,
    street: source.supervision.street,
    industry: source.industry,
    level: source.currentLevel,
    accidentTypes: [...new Set(source.accidentTypes)].sort(),
    nextReviewAt: source.nextReviewAt,
  };
}

/**
 * What a source adds to its enterprise's coverage: graded, and overdue once the daily
 * review-due pass left a notice for its current due date (`overdueNotices`: the due dates
 * announced) — so "current" moves when the pass runs, as the warnings do.
 */
export function standingOf(
  c: SourceContribution | null,
  overdueNotices: readonly string[],
): SourceStanding | null {
  if (!c) return null;
  const graded = c.level !== null;
  const due = c.nextReviewAt ?? null;
  return { graded, overdue: graded && due !== null && overdueNotices.includes(due) };
}

/** Counter name → count. Names: see `cellsOf`. */
export type Counts = Record<string, number>;

/**
 * The slices a source is counted in: the whole city, its district, its street, its industry
 * citywide, and the district × industry and street × industry crossings — every shape a
 * jurisdiction can take (shared/tenancy/claims.ts), so any scope is a sum of disjoint slices.
 */
export function slicesOf(c: Contribution): string[] {
  const d = `d:${c.district}`;
  const s = `d:${c.district}/${c.street}`;
  const i = `i:${c.industry}`;
  return ["*", d, s, i, `${d}|${i}`, `${s}|${i}`];
}

const levelKey = (level: Level | null) => level ?? "none";

/** The counters a source (or a live warning) adds to every slice it is in. */
export function cellsOf(c: Contribution): Counts {
  if (c.kind === "enterprise") return enterpriseCellsOf(c);
  if (c.kind === "warning") {
    return c.open ? { [`W:${c.level}`]: 1, [`WO:${c.level}`]: 1 } : { [`W:${c.level}`]: 1 };
  }
  const lvl = levelKey(c.level);
  const cells: Counts = {
    [`L:${lvl}`]: 1,
    [`D:${c.district}:${lvl}`]: 1,
    [`S:${c.district}/${c.street}:${lvl}`]: 1,
    [`I:${c.industry}:${lvl}`]: 1,
    [`CD:${c.district}:registered`]: 1,
    [`CI:${c.industry}:registered`]: 1,
  };
  if (c.level !== null) {
    cells[`CD:${c.district}:assessed`] = 1;
    cells[`CI:${c.industry}:assessed`] = 1;
  }
  for (const type of c.accidentTypes) cells[`A:${type}:${lvl}`] = 1;
  return cells;
}

/**
 * Street cells (`S:`) are kept in district slices only: a district's officials may break it down
 * by street, while the city's and an industry's items would otherwise hold a cell for every
 * street of the city — items (and every city query) growing with the city, not with the question.
 */
export const keptInSlice = (slice: string, cell: string) =>
  !cell.startsWith("S:") || slice.startsWith("d:");

/** Adds `sign ×` a contribution's cells to per-slice deltas. */
function accumulate(into: Map<string, Counts>, c: Contribution, sign: 1 | -1): void {
  const cells = Object.entries(cellsOf(c));
  for (const slice of slicesOf(c)) {
    const delta = into.get(slice) ?? {};
    for (const [name, n] of cells) {
      if (keptInSlice(slice, name)) delta[name] = (delta[name] ?? 0) + sign * n;
    }
    into.set(slice, delta);
  }
}

/**
 * What replacing a source's contribution changes, per slice; cells and slices that net to zero
 * are left out, so a change that moves no counter writes no counter item.
 */
export function foldDelta(
  previous: Contribution | null,
  next: Contribution | null,
): Map<string, Counts> {
  const deltas = new Map<string, Counts>();
  if (previous) accumulate(deltas, previous, -1);
  if (next) accumulate(deltas, next, 1);
  for (const [slice, delta] of deltas) {
    for (const [name, n] of Object.entries(delta)) if (n === 0) delete delta[name];
    if (Object.keys(delta).length === 0) deltas.delete(slice);
  }
  return deltas;
}

/** Counts plus a delta; counters that reach zero are dropped so items stay small. */
export function applyDelta(counts: Counts, delta: Counts): Counts {
  const out: Counts = { ...counts };
  for (const [name, n] of Object.entries(delta)) {
    const v = (out[name] ?? 0) + n;
    if (v === 0) delete out[name];
    else out[name] = v;
  }
  return out;
}

/** Sums counter sets (the shards of a slice, or the disjoint slices of a scope). */
export function sumCounts(all: Iterable<Counts>): Counts {
  let total: Counts = {};
  for (const c of all) total = applyDelta(total, c);
  return total;
}

/** Recomputes a slice's counts from the registry (reconciliation, and the property test's oracle). */
export function recompute(contributions: Iterable<Contribution>): Map<string, Counts> {
  const slices = new Map<string, Counts>();
  for (const c of contributions) accumulate(slices, c, 1);
  return slices;
}

/**
 * The disjoint slices whose sum is a jurisdiction's statistics. A street grant inside a district
 * the caller holds whole is dropped (it is already counted); industries cut across districts.
 */
export function slicesForJurisdiction(j: Jurisdiction): string[] {
  if (j.citywide) return ["*"];
  const wholeDistricts = new Set(
    j.districts.filter((d) => d.street === undefined).map((d) => d.district),
  );
  const places = [
    ...new Set(
      j.districts
        .filter((d) => d.street === undefined || !wholeDistricts.has(d.district))
        .map((d) => (d.street === undefined ? `d:${d.district}` : `d:${d.district}/${d.street}`)),
    ),
  ];
  const industries = [...new Set(j.industries)].map((i) => `i:${i}`);
  if (places.length === 0) return industries;
  if (industries.length === 0) return places;
  return places.flatMap((p) => industries.map((i) => `${p}|${i}`));
}

export type LevelCounts = Record<Level, number>;

const zeroLevels = (): LevelCounts => ({ major: 0, significant: 0, general: 0, low: 0 });

/** A place's coverage: its sources registered and assessed, and its enterprises by stage. */
export interface CoverageRow {
  registered: number;
  assessed: number;
  enterprises: EnterpriseCoverageRow;
}

const zeroCoverage = (): CoverageRow => ({
  registered: 0,
  assessed: 0,
  enterprises: zeroEnterpriseRow(),
});

/** The summary route's answer (issue 12): counts by level, district and industry, and coverage. */
export interface StatsSummary {
  byLevel: LevelCounts;
  byDistrict: Record<string, LevelCounts>;
  byIndustry: Record<string, LevelCounts>;
  coverage: { byDistrict: Record<string, CoverageRow>; byIndustry: Record<string, CoverageRow> };
  /** Live warnings by level, and those of them still waiting to be acknowledged. */
  warnings: { live: LevelCounts; open: LevelCounts };
  asOf: string;
}

function isLevel(text: string): text is Level {
  return (LEVELS as readonly string[]).includes(text);
}

/** Reads the summary out of a scope's summed counters. */
export function summaryOf(counts: Counts, asOf: string): StatsSummary {
  const summary: StatsSummary = {
    byLevel: zeroLevels(),
    byDistrict: {},
    byIndustry: {},
    coverage: { byDistrict: {}, byIndustry: {} },
    warnings: { live: zeroLevels(), open: zeroLevels() },
    asOf,
  };
  for (const [name, n] of Object.entries(counts)) {
    const parts = name.split(":");
    const [kind, key = "", last = ""] = parts;
    if (kind === "L" && isLevel(key)) summary.byLevel[key] += n;
    else if (kind === "W" && isLevel(key)) summary.warnings.live[key] += n;
    else if (kind === "WO" && isLevel(key)) summary.warnings.open[key] += n;
    else if ((kind === "D" || kind === "I") && isLevel(last)) {
      const table = kind === "D" ? summary.byDistrict : summary.byIndustry;
      const row = table[key] ?? zeroLevels();
      row[last] += n;
      table[key] = row;
    } else if ((kind === "CD" || kind === "CI") && (last === "registered" || last === "assessed")) {
      const table = kind === "CD" ? summary.coverage.byDistrict : summary.coverage.byIndustry;
      const row = table[key] ?? zeroCoverage();
      row[last] += n;
      table[key] = row;
    } else if ((kind === "ED" || kind === "EI") && isEnterpriseStage(last)) {
      const table = kind === "ED" ? summary.coverage.byDistrict : summary.coverage.byIndustry;
      const row = table[key] ?? zeroCoverage();
      row.enterprises[last] += n;
      table[key] = row;
    }
  }
  return summary;
}

/** Counts by accident type and level (the accident-types route). */
export function accidentTypesOf(counts: Counts): Record<string, LevelCounts> {
  const out: Record<string, LevelCounts> = {};
  for (const [name, n] of Object.entries(counts)) {
    const [kind, type = "", last = ""] = name.split(":");
    if (kind !== "A" || !isLevel(last)) continue;
    const row = out[type] ?? zeroLevels();
    row[last] += n;
    out[type] = row;
  }
  return out;
}

export interface BalanceRow extends CoverageRow {
  key: string;
  /** Sources assessed / registered. */
  share: number;
  /** Enterprises with current assessments / enterprises known (1 where none is known). */
  currentShare: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * 推进平衡性: places ranked laggards first — by the share of their known enterprises whose
 * assessments are current, then by the share of their sources assessed.
 */
export function balanceOf(rows: Record<string, CoverageRow>): BalanceRow[] {
  return Object.entries(rows)
    .map(([key, r]) => ({
      key,
      ...r,
      share: ratio(r.assessed, r.registered),
      currentShare: ratio(r.enterprises.current, r.enterprises.known),
    }))
    .sort(
      (a, b) =>
        a.currentShare - b.currentShare ||
        a.share - b.share ||
        b.enterprises.known - a.enterprises.known ||
        b.registered - a.registered ||
        a.key.localeCompare(b.key),
    );
}
