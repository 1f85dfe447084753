import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** An official's decision on a request: approve (comment optional) or reject (comment required). */
export interface Decision {
  decision: "approve" | "reject";
  comment?: string;
}

interface Props {
  decision: Decision["decision"] | undefined;
  /** What is decided, shown above the comment (an enterprise, a requested move). */
  subject: string;
  /** i18n prefix holding approveTitle, rejectTitle, approve, reject, comment, commentRequired. */
  texts: "tenancy.approvals" | "registry.supervision";
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: Decision) => void;
}

/** The approve/reject dialog of the sign-up approvals and of supervision changes. */
export function DecisionDialog({ decision, subject, texts, busy, onCancel, onConfirm }: Props) {
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
      title={t(`${texts}.${reject ? "rejectTitle" : "approveTitle"}`)}
      okText={t(`${texts}.${reject ? "reject" : "approve"}`)}
      okButtonProps={{ danger: reject }}
      cancelText={t("tenancy.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{subject}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t(`${texts}.comment`)}
          rules={
            reject
              ? [{ required: true, whitespace: true, message: t(`${texts}.commentRequired`) }]
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
