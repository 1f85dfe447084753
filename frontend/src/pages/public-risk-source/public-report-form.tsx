import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PublicReportInput } from "../../../../shared/hidden-dangers/public-report.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { submitPublicReport } from "../../api/public-reports.ts";

/**
 * The public page's report form (群众举报): no sign-in, the card's link is the credential; the
 * report waits for the area's officials before it counts.
 */
export function PublicReportForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const client = useApi();
  const [form] = Form.useForm<PublicReportInput>();
  const send = useMutation({
    mutationFn: (input: PublicReportInput) =>
      submitPublicReport(client, token, {
        title: input.title,
        description: input.description,
        ...(input.contact?.trim() ? { contact: input.contact.trim() } : {}),
      }),
    onSuccess: () => form.resetFields(),
  });
  const failure =
    send.error instanceof ApiError && send.error.status === 429
      ? t("publicReports.tooMany")
      : send.error
        ? errorText(send.error, t)
        : undefined;
  return (
    <Card size="small" title={t("publicReports.formTitle")} data-testid="public-report-form">
      <Typography.Paragraph type="secondary">{t("publicReports.formHint")}</Typography.Paragraph>
      {send.isSuccess && (
        <Alert
          type="success"
          showIcon
          message={t("publicReports.received")}
          data-testid="public-report-received"
        />
      )}
      {failure && <Alert type="error" showIcon message={failure} />}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="title"
          label={t("publicReports.titleField")}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("publicReports.description")}
          rules={[{ required: true, whitespace: true, max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="contact" label={t("publicReports.contact")} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={send.isPending}
          data-testid="public-report-submit"
        >
          {t("publicReports.submit")}
        </Button>
      </Form>
    </Card>
  );
}
