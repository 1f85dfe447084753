import { Col, Form, Input, Row } from "antd";
import { useTranslation } from "react-i18next";

/** Name, phone and optional e-mail of one contact (`principal` or `safetyContact`). */
export function ContactFields({ name, withEmail }: { name: string; withEmail?: boolean }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t("tenancy.signUp.required") }];
  return (
    <Row gutter={16}>
      <Col xs={24} md={withEmail ? 8 : 12}>
        <Form.Item name={[name, "name"]} label={t("tenancy.signUp.contactName")} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={withEmail ? 8 : 12}>
        <Form.Item name={[name, "phone"]} label={t("tenancy.signUp.contactPhone")} rules={required}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      {withEmail && (
        <Col xs={24} md={8}>
          <Form.Item name={[name, "email"]} label={t("tenancy.signUp.contactEmail")}>
            <Input type="email" maxLength={100} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
