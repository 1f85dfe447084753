import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import {
  ExportFailedError,
  exportRiskSources,
  type SpreadsheetFormat,
} from "../../api/registry/imports.ts";
import type { RiskSourceFilters } from "../../api/registry/risk-sources.ts";
import { useLanguage } from "../../i18n/use-language.ts";

/** Follows a download link; the presigned link needs no token and names the file itself. */
function follow(url: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Exports the listed sources (same filters) as CSV or XLSX: an export job on the server, polled
 * until its file is written, then downloaded by its presigned link — any size, no time limit.
 */
export function ExportButtons({ filters }: { filters: RiskSourceFilters }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SpreadsheetFormat>();
  const run = async (format: SpreadsheetFormat) => {
    setBusy(format);
    try {
      const download = await exportRiskSources(client, format, filters);
      follow(download.url);
      void message.success(t("registry.list.exported", { file: download.fileName }));
    } catch (error) {
      void message.error(
        error instanceof ExportFailedError && error.reason
          ? pick(error.reason)
          : errorText(error, t),
      );
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space.Compact>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={busy !== undefined && busy !== format}
          onClick={() => void run(format)}
          data-testid={`export-${format}`}
        >
          {t(`registry.list.export.${format}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
