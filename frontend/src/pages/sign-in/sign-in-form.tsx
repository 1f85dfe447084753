import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";

export interface Credentials {
  email: string;
  password: string;
}

interface Props {
  submitting: boolean;
  onSubmit: (credentials: Credentials) => void;
}

export function SignInForm({ submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Form<Credentials> layout="vertical" onFinish={onSubmit} requiredMark={false} name="sign-in">
      <Form.Item
        label={t("auth.email")}
        name="email"
        rules={[{ required: true, message: t("auth.emailRequired") }]}
      >
        <Input prefix={<MailOutlined />} autoComplete="username" type="email" />
      </Form.Item>
      <Form.Item
        label={t("auth.password")}
        name="password"
        rules={[{ required: true, message: t("auth.passwordRequired") }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {t("auth.submit")}
      </Button>
    </Form>
  );
}
