import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  FILE_TOO_LARGE_TEXT,
  IMPORT_LIMITS_TEXT,
} from "../../../../shared/exchange/import-limits.ts";
import { errorText } from "../../api/error-text.ts";
import type { ImportKind } from "../../api/registry/imports.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { ImportResult } from "./import-result.tsx";
import { formatOf, MAX_FILE_BYTES, toBase64 } from "./read-file.ts";
import { useImportJob } from "./use-import-job.ts";

interface Props {
  kind: ImportKind;
  /** Step titles: choosing and checking the file, then the result. */
  steps: { choose: string; result: string };
  /** Shown under a finished real import (e.g. a link to the list it filled). */
  afterDone?: ReactNode;
}

/**
 * File → dry run (every row checked, nothing written, errors per row) → the real import, which
 * writes only the valid rows; progress comes from polling the job. The size limit is the
 * server's (`shared/exchange/import-limits.ts`), checked here before the upload.
 */
export function ImportRunner({ kind, steps, afterDone }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [dryRun, setDryRun] = useState(true);
  const { job, error, running, start, reset } = useImportJob(kind);
  const checked = job?.dryRun === true && job.status === "done";
  const writable = checked && job.total - job.failedRows > 0;

  const choose = (next: File) => {
    if (!formatOf(next.name)) void message.error(t("registry.import.unsupported"));
    else if (next.size > MAX_FILE_BYTES) void message.error(pick(FILE_TOO_LARGE_TEXT));
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
    <>
      <Card title={steps.choose} size="small">
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
          <p className="ant-upload-hint" data-testid="import-limits">
            {pick(IMPORT_LIMITS_TEXT)}
          </p>
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
        <Card title={steps.result} size="small">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
          {job && <ImportResult job={job} />}
          {job?.status === "done" && !job.dryRun && afterDone}
        </Card>
      )}
    </>
  );
}
