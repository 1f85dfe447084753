import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language.ts";
import { coordinateRules, LocationPicker } from "../../map/location-picker.tsx";
import {
  ACCIDENT_TYPE_OPTIONS,
  type CatalogOption,
  DISTRICT_OPTIONS,
  HAZARD_FACTOR_OPTIONS,
  INDUSTRY_OPTIONS,
} from "../catalog-labels.ts";

function useOptions() {
  const { pick } = useLanguage();
  return (options: readonly CatalogOption[]) =>
    options.map((o) => ({ value: o.id, label: pick(o.name) }));
}

/**
 * The fields of a risk source (RiskSourceCreateInputSchema), grouped as the notification card
 * and the three responsibilities group them (domain.md §5, §6). Messages come from the schema.
 */
export function RiskSourceFields() {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <>
      <Card title={t("registry.detail.basic")} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t("registry.fields.name")} required>
              <Input maxLength={100} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={t("registry.fields.place")} required>
              <Input maxLength={100} data-testid="field-place" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t("registry.fields.industry")} required>
              <Select
                options={options(INDUSTRY_OPTIONS)}
                showSearch={{ optionFilterProp: "label" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="accidentTypes" label={t("registry.fields.accidentTypes")} required>
              <Select
                mode="multiple"
                options={options(ACCIDENT_TYPE_OPTIONS)}
                showSearch={{ optionFilterProp: "label" }}
                data-testid="field-accident-types"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="hazardFactors" label={t("registry.fields.hazardFactors")} required>
              <Checkbox.Group options={options(HAZARD_FACTOR_OPTIONS)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t("registry.fields.description")}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lon"
              label={t("registry.fields.lon")}
              required
              rules={coordinateRules("lon", t)}
            >
              <InputNumber style={{ width: "100%" }} step={0.0001} precision={6} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lat"
              label={t("registry.fields.lat")}
              required
              rules={coordinateRules("lat", t)}
            >
              <InputNumber style={{ width: "100%" }} step={0.0001} precision={6} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <LocationPicker />
          </Col>
        </Row>
      </Card>
      <ControlFields />
      <ResponsibilityFields />
    </>
  );
}

function ControlFields() {
  const { t } = useTranslation();
  const kinds = ["engineering", "management", "emergency"] as const;
  return (
    <Card
      title={t("registry.fields.controls")}
      size="small"
      style={{ marginBottom: 16 }}
      extra={t("registry.fields.onePerLine")}
    >
      <Row gutter={16}>
        {kinds.map((kind) => (
          <Col xs={24} md={8} key={kind}>
            <Form.Item name={["controls", kind]} label={t(`registry.fields.${kind}`)}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                data-testid={`controls-${kind}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function ResponsibilityFields() {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <Card title={t("registry.detail.responsibilities")} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="responsiblePost" label={t("registry.fields.responsiblePost")} required>
            <Input maxLength={100} data-testid="field-responsible-post" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={["responsiblePerson", "name"]}
            label={t("registry.fields.personName")}
            required
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={["responsiblePerson", "phone"]}
            label={t("registry.fields.personPhone")}
            required
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={["responsiblePerson", "email"]} label={t("registry.fields.personEmail")}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={["supervision", "district"]}
            label={t("registry.fields.district")}
            required
          >
            <Select options={options(DISTRICT_OPTIONS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={["supervision", "street"]} label={t("registry.fields.street")} required>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={["supervision", "industryDepartment"]}
            label={t("registry.fields.industryDepartment")}
            required
          >
            <Input maxLength={100} data-testid="field-industry-department" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
