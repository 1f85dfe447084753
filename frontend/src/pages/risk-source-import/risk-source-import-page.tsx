import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText } from "../../api/error-text.ts";
import { paths } from "../../app/paths.ts";
import { ImportResult } from "./import-result.tsx";
import { formatOf, MAX_FILE_BYTES, toBase64 } from "./read-file.ts";
import { TemplateButtons } from "./template-buttons.tsx";
import { useImportJob } from "./use-import-job.ts";

/**
 * 批量导入: template → file → dry run (every row checked, nothing written, errors per row) →
 * the real import, which writes only the valid rows. Progress comes from polling the job.
 */
export function RiskSourceImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [dryRun, setDryRun] = useState(true);
  const { job, error, running, start, reset } = useImportJob();
  const checked = job?.dryRun === true && job.status === "done";
  const writable = checked && job.total - job.failedRows > 0;

  const choose = (next: File) => {
    if (!formatOf(next.name)) void message.error(t("registry.import.unsupported"));
    else if (next.size > MAX_FILE_BYTES) void message.error(t("registry.import.tooLarge"));
    else {
      setFile(next);
      reset();
    }
    return false; // read here, never uploaded by antd
  };

  const run = async (asDryRun: boolean) => {
    const format = file && formatOf(file.name);
    if (!file || !format) return;
    setDryRun(asDryRun);
    const contentBase64 = await toBase64(file);
    await start({ fileName: file.name, format, contentBase64, dryRun: asDryRun });
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16}>
        <Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.import.title")}
        </Typography.Title>
      </Flex>
      <Card title={t("registry.import.step1")} size="small">
        <Typography.Paragraph type="secondary">
          {t("registry.import.templateHint")}
        </Typography.Paragraph>
        <TemplateButtons />
      </Card>
      <Card title={t("registry.import.step2")} size="small">
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={choose}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t("registry.import.chooseFile")}</p>
          <p className="ant-upload-hint">{t("registry.import.fileHint")}</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            disabled={!file || running}
            loading={running && dryRun}
            onClick={() => void run(true)}
            data-testid="import-dry-run"
          >
            {t("registry.import.dryRun")}
          </Button>
          <Button
            type="primary"
            disabled={!writable || running}
            loading={running && !dryRun}
            onClick={() => void run(false)}
            data-testid="import-run"
          >
            {t("registry.import.run")}
          </Button>
          <Typography.Text type="secondary">{t("registry.import.onlyValid")}</Typography.Text>
        </Space>
      </Card>
      {(job || error !== undefined) && (
        <Card title={t("registry.import.step3")} size="small">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
          {job && <ImportResult job={job} />}
          {job?.status === "done" && !job.dryRun && (
            <Link to={paths.riskSources} style={{ display: "inline-block", marginTop: 12 }}>
              {t("registry.import.toList")}
            </Link>
          )}
        </Card>
      )}
    </Flex>
  );
}
