import { Card, Checkbox, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DirectMajorRule } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { useLanguage } from "../../i18n/use-language.ts";

/**
 * 直接判定为重大风险: each rule of the profile with its basis; claiming one needs the evidence
 * the rule names, and makes the level major whatever the score (domain.md §3).
 */
export function DirectRules({ rules }: { rules: readonly DirectMajorRule[] }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  return (
    <Card title={t("registry.assess.rules")} size="small" data-testid="direct-rules">
      <Typography.Paragraph type="secondary">{t("registry.assess.rulesHint")}</Typography.Paragraph>
      {rules.map((rule) => (
        <div key={rule.id} data-rule={rule.id} style={{ marginBottom: 8 }}>
          <Form.Item name={["rules", rule.id, "claimed"]} valuePropName="checked" noStyle>
            <Checkbox>{pick(rule.text)}</Checkbox>
          </Form.Item>
          <Typography.Text
            type="secondary"
            style={{ display: "block", marginLeft: 24, fontSize: 12 }}
          >
            {t("registry.assess.basis")}: {pick(rule.basis)}
          </Typography.Text>
          <Form.Item noStyle dependencies={[["rules", rule.id, "claimed"]]}>
            {({ getFieldValue }) =>
              getFieldValue(["rules", rule.id, "claimed"]) ? (
                <Form.Item
                  name={["rules", rule.id, "evidence"]}
                  style={{ marginLeft: 24, marginTop: 4 }}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t("registry.assess.evidenceMissing"),
                    },
                  ]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 2 }}
                    maxLength={2000}
                    placeholder={t("registry.assess.evidenceRequired", {
                      what: pick(rule.evidenceRequired),
                    })}
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </div>
      ))}
    </Card>
  );
}
