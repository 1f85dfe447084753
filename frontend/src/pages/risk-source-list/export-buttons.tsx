import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { exportRiskSources, type SpreadsheetFormat } from "../../api/registry/imports.ts";
import type { RiskSourceFilters } from "../../api/registry/risk-sources.ts";
import { saveFile } from "../../registry/save-file.ts";

/**
 * Downloads the listed sources (same filters) as CSV or XLSX; fetched with the bearer token and
 * saved from a blob, since a plain link would carry no token.
 */
export function ExportButtons({ filters }: { filters: RiskSourceFilters }) {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SpreadsheetFormat>();
  const run = async (format: SpreadsheetFormat) => {
    setBusy(format);
    try {
      const file = await exportRiskSources(client, format, filters);
      saveFile(file);
      void message.success(t("registry.list.exported", { file: file.fileName }));
    } catch (error) {
      void message.error(errorText(error, t));
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
