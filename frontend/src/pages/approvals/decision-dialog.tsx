import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionInput } from "../../../../shared/tenancy/requests.ts";

interface Props {
  decision: DecisionInput["decision"] | undefined;
  enterpriseName: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: DecisionInput) => void;
}

/** Approve (comment optional) or reject (comment required) one sign-up. */
export function DecisionDialog({ decision, enterpriseName, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);
  const reject = decision === "reject";
  const confirm = async () => {
    const { comment } = await form.validateFields();
    const text = comment?.trim();
    if (decision) onConfirm(text ? { decision, comment: text } : { decision });
  };
  return (
    <Modal
      open={decision !== undefined}
      title={t(reject ? "tenancy.approvals.rejectTitle" : "tenancy.approvals.approveTitle")}
      okText={t(reject ? "tenancy.approvals.reject" : "tenancy.approvals.approve")}
      okButtonProps={{ danger: reject }}
      cancelText={t("tenancy.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{enterpriseName}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t("tenancy.approvals.comment")}
          rules={
            reject
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t("tenancy.approvals.commentRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            maxLength={500}
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
