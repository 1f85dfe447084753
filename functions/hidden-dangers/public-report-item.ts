import type { PublicReport } from "../../shared/hidden-dangers/public-report.ts";

/** The stored item of a public report: its record plus the attributes its index keys use. */
export function publicReportItem(record: PublicReport) {
  return {
    tenantId: record.tenantId,
    id: record.id,
    seq: record.id.slice(record.id.lastIndexOf("~") + 1),
    district: record.place.district,
    industry: record.place.industry,
    version: record.version,
    record,
  };
}
