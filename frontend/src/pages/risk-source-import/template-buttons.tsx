import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { downloadImportTemplate, type SpreadsheetFormat } from "../../api/registry/imports.ts";
import { saveFile } from "../../registry/save-file.ts";

/** The import template (header row with the column names) as CSV or XLSX. */
export function TemplateButtons() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const download = async (format: SpreadsheetFormat) => {
    try {
      saveFile(await downloadImportTemplate(client, format));
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };
  return (
    <Space wrap>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          onClick={() => void download(format)}
          data-testid={`template-${format}`}
        >
          {t(`registry.import.template.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
