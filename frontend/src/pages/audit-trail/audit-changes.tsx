import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditRecord } from "../../../../shared/audit/audit-record.ts";
import { changedFields } from "./audit-text.ts";

const MAX_CHARS = 300;

function shortJson(value: unknown): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/** The fields a change touched, each with its value before and after. */
export function AuditChanges({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const before = (record.before ?? {}) as Record<string, unknown>;
  const after = (record.after ?? {}) as Record<string, unknown>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={changedFields(record).map((field) => ({
        key: field,
        label: field,
        children: `${t("audit.before")}: ${shortJson(before[field])}  →  ${t("audit.after")}: ${shortJson(after[field])}`,
      }))}
    />
  );
}
