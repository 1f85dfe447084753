import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Col, Form, Input, InputNumber, Row } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { EnterpriseUpdateInput } from "../../../../shared/risk/enterprise.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { type EnterpriseView, updateOwnEnterprise } from "../../api/registry/enterprise.ts";
import type { Tagged } from "../../api/registry/risk-sources.ts";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { ContactFields } from "../sign-up/contact-fields.tsx";

interface Values {
  name: string;
  address: string;
  lon: number;
  lat: number;
  principal: EnterpriseView["principal"];
  safetyContact: EnterpriseView["safetyContact"];
}

const valuesOf = (e: EnterpriseView): Values => ({
  name: e.name,
  address: e.address,
  lon: e.location.lon,
  lat: e.location.lat,
  principal: e.principal,
  safetyContact: e.safetyContact,
});

/** Only what changed is sent; an e-mail left empty is left out. */
function changesOf(before: EnterpriseView, v: Values): EnterpriseUpdateInput {
  const contact = (c: Values["principal"]) => ({
    name: c.name.trim(),
    phone: c.phone.trim(),
    ...(c.email?.trim() ? { email: c.email.trim() } : {}),
  });
  const next = {
    name: v.name.trim(),
    address: v.address.trim(),
    location: { lon: v.lon, lat: v.lat },
    principal: contact(v.principal),
    safetyContact: contact(v.safetyContact),
  };
  const old = valuesOf(before);
  const previous = {
    name: old.name,
    address: old.address,
    location: { lon: old.lon, lat: old.lat },
    principal: old.principal,
    safetyContact: old.safetyContact,
  };
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) =>
        JSON.stringify(value) !== JSON.stringify(previous[key as keyof typeof previous]),
    ),
  ) as EnterpriseUpdateInput;
}

/**
 * The enterprise admin's edit of the own profile, sent with `If-Match`: a 412 (changed meanwhile)
 * re-reads the profile and says so. District, street and industry are the government's.
 */
export function EnterpriseEditForm({ tagged }: { tagged: Tagged<EnterpriseView> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => form.setFieldsValue(valuesOf(tagged.value)), [form, tagged.value]);
  const save = useMutation({
    mutationFn: (values: Values) =>
      updateOwnEnterprise(client, changesOf(tagged.value, values), tagged.etag),
    onSuccess: () => void message.success(t("organisation.saved")),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        void message.warning(t("organisation.stale"));
      } else if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.ownEnterprise() }),
  });
  const required = [{ required: true, whitespace: true }];
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="organisation"
      onFinish={(values) => save.mutate(values)}
      data-testid="organisation-form"
    >
      <Alert type="info" showIcon title={t("organisation.governed")} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t("enterprises.name")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t("enterprises.address")} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="lon" label={t("organisation.lon")} rules={[{ required: true }]}>
            <InputNumber style={{ width: "100%" }} step={0.0001} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="lat" label={t("organisation.lat")} rules={[{ required: true }]}>
            <InputNumber style={{ width: "100%" }} step={0.0001} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("enterprises.principal")} style={{ marginBottom: 0 }}>
        <ContactFields name="principal" withEmail />
      </Form.Item>
      <Form.Item label={t("enterprises.safetyContact")} style={{ marginBottom: 0 }}>
        <ContactFields name="safetyContact" withEmail />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={save.isPending}
        data-testid="organisation-save"
      >
        {t("organisation.edit")}
      </Button>
    </Form>
  );
}
