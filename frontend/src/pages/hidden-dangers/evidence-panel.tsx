import { UploadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Card, List, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { EVIDENCE_TYPES } from "../../../../shared/hidden-dangers/evidence.ts";
import type { HiddenDanger } from "../../../../shared/hidden-dangers/hidden-danger.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { evidenceLink, uploadEvidence } from "../../api/hidden-dangers.ts";
import { openFetchedLink } from "../../api/open-fetched-link.ts";

/** 整改照片: uploaded straight to the bucket, then checked by content on the server. */
export function EvidencePanel({
  danger,
  canUpload,
  onChanged,
}: {
  danger: HiddenDanger;
  canUpload: boolean;
  onChanged: (next: HiddenDanger) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidence(client, danger, file),
    onSuccess: (next) => {
      void message.success(t("hiddenDangers.done"));
      onChanged(next);
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  const open = (evidenceId: string) =>
    openFetchedLink(async () => (await evidenceLink(client, danger, evidenceId)).url);
  return (
    <Card title={t("hiddenDangers.evidence")} size="small">
      {canUpload && (
        <>
          <Upload
            accept={EVIDENCE_TYPES.join(",")}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="evidence-upload"
            >
              {t("hiddenDangers.upload")}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary">
            {t("hiddenDangers.uploadHint")}
          </Typography.Paragraph>
        </>
      )}
      <List
        data-testid="evidence-list"
        dataSource={danger.evidence}
        renderItem={(e) => (
          <List.Item
            actions={
              e.status === "verified"
                ? [
                    <Button key="view" type="link" onClick={() => void open(e.id)}>
                      {t("hiddenDangers.view")}
                    </Button>,
                  ]
                : [t("hiddenDangers.pending")]
            }
          >
            {e.fileName}
          </List.Item>
        )}
      />
    </Card>
  );
}
