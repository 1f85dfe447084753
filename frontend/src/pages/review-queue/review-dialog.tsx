import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AssessmentReviewInput } from "../../../../shared/risk/assessment.ts";

export type Decision = AssessmentReviewInput["decision"];

interface Props {
  decision: Decision | undefined;
  sourceName: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: AssessmentReviewInput) => void;
}

/** Accept (comment optional) or return (comment required) one assessment. */
export function ReviewDialog({ decision, sourceName, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);
  const confirm = async () => {
    const { comment } = await form.validateFields();
    const text = comment?.trim();
    if (decision === "return" && text) onConfirm({ decision, comment: text });
    if (decision === "accept") onConfirm(text ? { decision, comment: text } : { decision });
  };
  return (
    <Modal
      open={decision !== undefined}
      title={
        decision === "return" ? t("registry.review.returnTitle") : t("registry.review.acceptTitle")
      }
      okText={decision === "return" ? t("registry.review.return") : t("registry.review.accept")}
      okButtonProps={{ danger: decision === "return" }}
      cancelText={t("registry.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Typography.Paragraph>{sourceName}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t("registry.review.comment")}
          rules={
            decision === "return"
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t("registry.review.commentRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
