import { getAccidentTypeCatalog } from "../catalogs/accident-types.ts";
import { getDistrict } from "../catalogs/districts.ts";
import { getIndustry } from "../catalogs/industries.ts";
import { LEVEL_INFO, type Level } from "../methodology/levels.ts";
import type { RiskSource } from "../risk/risk-source.ts";
import { balanceOf, type CoverageRow } from "../stats/contribution.ts";
import { beijingDay, type TrendPoint } from "../stats/trends.ts";
import type { ReportKind } from "./report-job.ts";

export type ReportCell = string | number | null;

/** A column: `key` into each row, `label` as officials read it, `width` relative (for the PDF). */
export interface ReportColumn {
  key: string;
  label: string;
  width: number;
}

/** What every format of a report is written from: a titled table, names beside codes. */
export interface ReportTable {
  kind: ReportKind;
  title: string;
  columns: readonly ReportColumn[];
  rows: readonly Record<string, ReportCell>[];
}

/** Report titles (Chinese: the files are official paperwork) and the file-name stem. */
export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  majorRisks: "重大风险清单",
  overdueReviews: "逾期未复评风险源清单",
  trends: "风险等级趋势",
  coverage: "风险评估覆盖情况与推进平衡性",
};

export const districtName = (code: string): string => getDistrict(code)?.name.zh ?? code;
export const industryName = (id: string): string => getIndustry(id)?.name.zh ?? id;
const levelName = (level: Level | null): string => (level ? LEVEL_INFO[level].name.zh : "未评估");

function accidentTypeNames(source: RiskSource): string {
  const catalog = getAccidentTypeCatalog(
    source.accidentTypeCatalog.id,
    source.accidentTypeCatalog.version,
  );
  return source.accidentTypes
    .map((id) => catalog?.entries.find((e) => e.id === id)?.name.zh ?? id)
    .join("、");
}

/** A source as a report row reads it: the record (contacts masked as the viewer may see) and its enterprise's name. */
export interface NamedSource {
  source: RiskSource;
  enterpriseName: string;
}

const col = (key: string, label: string, width = 1): ReportColumn => ({ key, label, width });

const placeColumns = [
  col("district", "所在区", 0.8),
  col("street", "街道/乡镇", 0.9),
  col("industry", "行业", 0.8),
];

function placeCells(s: RiskSource): Record<string, ReportCell> {
  return {
    district: `${districtName(s.supervision.district)}（${s.supervision.district}）`,
    street: s.supervision.street,
    industry: industryName(s.industry),
  };
}

const byPlaceThenName = (a: NamedSource, b: NamedSource) =>
  a.source.supervision.district.localeCompare(b.source.supervision.district) ||
  a.source.supervision.street.localeCompare(b.source.supervision.street, "zh") ||
  a.enterpriseName.localeCompare(b.enterpriseName, "zh") ||
  a.source.name.localeCompare(b.source.name, "zh");

/**
 * 重大风险清单: every major source with the three responsibilities of domain.md §5 — the
 * enterprise's post and person (企业主体责任), the territorial supervisors (属地监管责任: district
 * and street) and the industry department (行业管理部门责任).
 */
export function majorRiskTable(sources: readonly NamedSource[]): ReportTable {
  const columns = [
    col("no", "序号", 0.4),
    col("enterprise", "企业名称", 1.4),
    col("source", "风险源名称", 1.2),
    col("place", "场所/部位", 0.9),
    ...placeColumns,
    col("accidentTypes", "可能导致的事故类型", 1.1),
    col("enterpriseDuty", "企业主体责任（岗位/责任人/电话）", 1.5),
    col("territorialDuty", "属地监管责任", 1.1),
    col("industryDuty", "行业管理部门责任", 1),
    col("nextReview", "下次复评日期", 0.8),
  ];
  const rows = [...sources].sort(byPlaceThenName).map(({ source: s, enterpriseName }, i) => ({
    no: i + 1,
    enterprise: enterpriseName,
    source: s.name,
    place: s.place,
    ...placeCells(s),
    accidentTypes: accidentTypeNames(s),
    enterpriseDuty: `${s.responsiblePost}/${s.responsiblePerson.name}/${s.responsiblePerson.phone}`,
    territorialDuty: `${districtName(s.supervision.district)}${s.supervision.street}`,
    industryDuty: s.supervision.industryDepartment,
    nextReview: s.nextReviewAt?.slice(0, 10) ?? null,
  }));
  return { kind: "majorRisks", title: REPORT_TITLES.majorRisks, columns, rows };
}

/** Sources whose review was due before `now` (domain.md §4), the longest overdue first. */
export function overdueReviewTable(sources: readonly NamedSource[], now: Date): ReportTable {
  const at = now.toISOString();
  const columns = [
    col("no", "序号", 0.4),
    col("enterprise", "企业名称", 1.4),
    col("source", "风险源名称", 1.2),
    ...placeColumns,
    col("level", "风险等级", 0.7),
    col("due", "应复评日期", 0.8),
    col("overdueDays", "逾期天数", 0.6),
    col("responsible", "企业责任人", 1),
  ];
  const due = sources
    .filter((n) => n.source.nextReviewAt !== null && n.source.nextReviewAt < at)
    .sort(
      (a, b) =>
        (a.source.nextReviewAt ?? "").localeCompare(b.source.nextReviewAt ?? "") ||
        byPlaceThenName(a, b),
    );
  const rows = due.map(({ source: s, enterpriseName }, i) => {
    const due = new Date(s.nextReviewAt ?? at);
    return {
      no: i + 1,
      enterprise: enterpriseName,
      source: s.name,
      ...placeCells(s),
      level: levelName(s.currentLevel),
      due: beijingDay(due),
      overdueDays: Math.floor((now.getTime() - due.getTime()) / 86_400_000),
      responsible: `${s.responsiblePost}/${s.responsiblePerson.name}`,
    };
  });
  return { kind: "overdueReviews", title: REPORT_TITLES.overdueReviews, columns, rows };
}

/** Enterprises by coverage stage, the same four columns in the coverage and trends reports. */
const enterpriseColumns = [
  col("enterprisesKnown", "在册企业", 0.7),
  col("enterprisesRegistered", "已注册", 0.6),
  col("enterprisesAssessed", "已评估企业", 0.7),
  col("enterprisesCurrent", "评估在期", 0.7),
];
const enterpriseCells = (e: TrendPoint["enterprises"]) => ({
  enterprisesKnown: e.known,
  enterprisesRegistered: e.registered,
  enterprisesAssessed: e.assessed,
  enterprisesCurrent: e.current,
});

/** One row per day: sources by level, registered and assessed; enterprises by stage. */
export function trendTable(points: readonly TrendPoint[]): ReportTable {
  const columns = [
    col("date", "日期", 1),
    ...(["major", "significant", "general", "low"] as const).map((l) =>
      col(l, LEVEL_INFO[l].name.zh, 0.8),
    ),
    col("registered", "登记风险源", 0.8),
    col("assessed", "已评估", 0.8),
    ...enterpriseColumns,
  ];
  const rows = points.map((p) => ({
    date: p.date,
    ...p.byLevel,
    registered: p.registered,
    assessed: p.assessed,
    ...enterpriseCells(p.enterprises),
  }));
  return { kind: "trends", title: REPORT_TITLES.trends, columns, rows };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Coverage per district, then per industry, each ranked laggards first (推进平衡性): the place
 * with the smallest share of its known enterprises assessed and in date heads its group.
 */
export function coverageTable(coverage: {
  byDistrict: Record<string, CoverageRow>;
  byIndustry: Record<string, CoverageRow>;
}): ReportTable {
  const columns = [
    col("group", "维度", 0.6),
    col("rank", "排名（滞后在前）", 0.8),
    col("code", "编码", 0.8),
    col("name", "名称", 1.2),
    ...enterpriseColumns,
    col("currentShare", "在期率", 0.6),
    col("registered", "登记风险源", 0.7),
    col("assessed", "已评估", 0.6),
    col("share", "评估率", 0.6),
  ];
  const group = (label: string, rows: Record<string, CoverageRow>, name: (k: string) => string) =>
    balanceOf(rows).map((r, i) => ({
      group: label,
      rank: i + 1,
      code: r.key,
      name: name(r.key),
      ...enterpriseCells(r.enterprises),
      currentShare: percent(r.currentShare),
      registered: r.registered,
      assessed: r.assessed,
      share: percent(r.share),
    }));
  const rows = [
    ...group("区", coverage.byDistrict, districtName),
    ...group("行业", coverage.byIndustry, industryName),
  ];
  return { kind: "coverage", title: REPORT_TITLES.coverage, columns, rows };
}
