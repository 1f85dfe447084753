import { Form, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Factor } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { pickWithOriginal } from "../../i18n/languages.ts";
import { useLanguage } from "../../i18n/use-language.ts";

interface Props {
  factor: Factor;
  /** `current` or `inherent`: the form group the value goes to. */
  group: "current" | "inherent";
  /** A select instead of the full table (used for the inherent inputs). */
  compact?: boolean;
}

/**
 * One factor of the method with its whole value table: each allowed value beside its Chinese
 * description (and the English one when reading in English). Only these values are valid.
 */
export function FactorPicker({ factor, group, compact }: Props) {
  const { t } = useTranslation();
  const { language, pick } = useLanguage();
  const describe = (v: Factor["values"][number]) => pickWithOriginal(v, language);
  const label = `${factor.letter} — ${pick(factor.name)}`;
  const rules = [
    { required: true, message: t("registry.assess.pickValue", { letter: factor.letter }) },
  ];
  if (compact) {
    return (
      <Form.Item name={[group, factor.letter]} label={label} rules={rules}>
        <Select
          data-testid={`factor-${group}-${factor.letter}`}
          placeholder={t("registry.assess.pickValue", { letter: factor.letter })}
          options={factor.values.map((v) => ({
            value: v.value,
            label: `${v.value}　${describe(v)}`,
          }))}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={[group, factor.letter]} label={label} rules={rules}>
      <Radio.Group
        data-testid={`factor-${group}-${factor.letter}`}
        style={{ display: "flex", flexDirection: "column", gap: 4 }}
        options={factor.values.map((v) => ({
          value: v.value,
          label: (
            <span data-value={v.value} style={{ display: "inline-flex", gap: 8 }}>
              <Typography.Text strong style={{ flex: "none", minWidth: 32 }}>
                {v.value}
              </Typography.Text>
              <span className="factor-description">{describe(v)}</span>
            </span>
          ),
        }))}
      />
    </Form.Item>
  );
}
