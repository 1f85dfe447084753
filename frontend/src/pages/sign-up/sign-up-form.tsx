import { Button, Col, Divider, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DISTRICTS, getDistrict } from "../../../../shared/catalogs/districts.ts";
import { INDUSTRIES } from "../../../../shared/catalogs/industries.ts";
import { UsccSchema } from "../../../../shared/risk/uscc.ts";
import { type SignupInput, SignupInputSchema } from "../../../../shared/tenancy/requests.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { coordinateRules, LocationPicker } from "../../map/location-picker.tsx";
import { ContactFields } from "./contact-fields.tsx";

export interface SignupValues {
  uscc: string;
  name: string;
  district: string;
  street: string;
  industry: string;
  address: string;
  lon: number;
  lat: number;
  principal: { name: string; phone: string };
  safetyContact: { name: string; phone: string; email?: string };
  admin: { name: string; email: string };
}

/** The form's values as the API's body, checked by the same schema the server uses. */
export function toSignupInput(values: SignupValues) {
  const { lon, lat, safetyContact, ...rest } = values;
  const email = safetyContact.email?.trim();
  return SignupInputSchema.safeParse({
    ...rest,
    location: { lon, lat },
    safetyContact: {
      name: safetyContact.name,
      phone: safetyContact.phone,
      ...(email ? { email } : {}),
    },
  });
}

interface Props {
  form: ReturnType<typeof Form.useForm<SignupValues>>[0];
  submitting: boolean;
  onSubmit: (input: SignupInput, values: SignupValues) => void;
}

/** 企业注册 form: the enterprise profile (catalog selects, USCC checked as on the server) and its admin. */
export function SignUpForm({ form, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const required = [{ required: true, whitespace: true, message: t("tenancy.signUp.required") }];
  const finish = (values: SignupValues) => {
    const parsed = toSignupInput(values);
    if (parsed.success) {
      onSubmit(parsed.data, values);
      return;
    }
    const fields = parsed.error.issues.map((issue) => ({
      name:
        issue.path[0] === "location" ? [String(issue.path[1] ?? "lon")] : issue.path.map(String),
      errors: [t("tenancy.signUp.fieldInvalid")],
    }));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
  };
  const placeAtDistrict = (code: string) => {
    const centre = getDistrict(code)?.centre;
    if (centre) form.setFieldsValue({ lon: centre.lon, lat: centre.lat });
  };
  return (
    <Form<SignupValues> form={form} layout="vertical" name="sign-up" onFinish={finish} requiredMark>
      <Divider titlePlacement="start">{t("tenancy.signUp.enterprise")}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t("tenancy.signUp.name")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="uscc"
            label={t("tenancy.signUp.uscc")}
            rules={[
              ...required,
              {
                validator: async (_, value: string | undefined) => {
                  if (value && !UsccSchema.safeParse(value).success) {
                    throw new Error(t("tenancy.signUp.usccInvalid"));
                  }
                },
              },
            ]}
          >
            <Input maxLength={18} style={{ textTransform: "uppercase" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="district" label={t("tenancy.signUp.district")} rules={required}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={DISTRICTS.map((d) => ({ value: d.code, label: pick(d.name) }))}
              onChange={placeAtDistrict}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="street" label={t("tenancy.signUp.street")} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t("tenancy.signUp.industry")} rules={required}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={INDUSTRIES.map((i) => ({ value: i.id, label: pick(i.name) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t("tenancy.signUp.address")} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="lon"
            label={t("tenancy.signUp.lon")}
            rules={[
              { required: true, message: t("tenancy.signUp.required") },
              ...coordinateRules("lon", t),
            ]}
          >
            <InputNumber step={0.0001} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="lat"
            label={t("tenancy.signUp.lat")}
            rules={[
              { required: true, message: t("tenancy.signUp.required") },
              ...coordinateRules("lat", t),
            ]}
          >
            <InputNumber step={0.0001} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <LocationPicker />
        </Col>
      </Row>
      <Divider titlePlacement="start">{t("tenancy.signUp.principal")}</Divider>
      <ContactFields name="principal" />
      <Divider titlePlacement="start">{t("tenancy.signUp.safetyContact")}</Divider>
      <ContactFields name="safetyContact" withEmail />
      <Divider titlePlacement="start">{t("tenancy.signUp.admin")}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={["admin", "name"]}
            label={t("tenancy.signUp.adminName")}
            rules={required}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={["admin", "email"]}
            label={t("tenancy.signUp.adminEmail")}
            rules={[...required, { type: "email", message: t("tenancy.signUp.fieldInvalid") }]}
          >
            <Input type="email" maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="sign-up-submit">
        {t("tenancy.common.submit")}
      </Button>
    </Form>
  );
}
