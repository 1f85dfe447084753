import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { HiddenDangerReportInput } from "../../../../shared/hidden-dangers/hidden-danger.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { dangerKeys, reportDanger } from "../../api/hidden-dangers.ts";
import { newIdempotencyKey } from "../../api/registry/etag.ts";
import { listRiskSources } from "../../api/registry/risk-sources.ts";

/** 上报隐患: a source within reach, the grade, a title and a description. */
export function ReportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HiddenDangerReportInput>();
  const [key, setKey] = useState(newIdempotencyKey);
  const sources = useQuery({
    queryKey: ["hidden-dangers", "sources"],
    queryFn: ({ signal }) => listRiskSources(client, {}, undefined, signal, 200),
    enabled: open,
  });
  const report = useMutation({
    mutationFn: (input: HiddenDangerReportInput) => reportDanger(client, input, key),
    onSuccess: async () => {
      void message.success(t("hiddenDangers.done"));
      form.resetFields();
      setKey(newIdempotencyKey());
      onClose();
      await queryClient.invalidateQueries({ queryKey: dangerKeys.all() });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Modal
      open={open}
      title={t("hiddenDangers.report")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={report.isPending}
      okButtonProps={{ "data-testid": "report-submit" } as Record<`data-${string}`, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: "general" }}
        onFinish={(v) => report.mutate(v)}
      >
        <Form.Item
          name="riskSourceId"
          label={t("hiddenDangers.source")}
          rules={[{ required: true }]}
        >
          <Select
            data-testid="report-source"
            showSearch
            optionFilterProp="label"
            loading={sources.isFetching}
            options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t("hiddenDangers.level")}>
          <Radio.Group>
            <Radio value="general">{t("hiddenDangers.levels.general")}</Radio>
            <Radio value="major">{t("hiddenDangers.levels.major")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t("hiddenDangers.titleField")} rules={[{ required: true }]}>
          <Input data-testid="report-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t("hiddenDangers.description")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
