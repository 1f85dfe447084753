import { Button, Card, Form, Radio, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { FactorPicker } from "./factor-picker.tsx";

interface Props {
  profiles: readonly MethodProfile[];
  profile: MethodProfile | undefined;
  withInherent: boolean;
  /** Typical current inputs of the source's identification-list item, for this profile. */
  suggestion: Record<string, number> | undefined;
  onUseSuggestion: () => void;
}

/** The method, its factors' value tables for the current inputs, and optional inherent inputs. */
export function ProfileSection({
  profiles,
  profile,
  withInherent,
  suggestion,
  onUseSuggestion,
}: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  return (
    <>
      <Card title={t("registry.assess.profile")} size="small">
        <Form.Item name="profileId" style={{ marginBottom: 8 }}>
          <Radio.Group
            data-testid="profile-picker"
            optionType="button"
            options={profiles.map((p) => ({ value: p.id, label: pick(p.name) }))}
          />
        </Form.Item>
        {profile?.description && (
          <Typography.Text type="secondary">{pick(profile.description)}</Typography.Text>
        )}
      </Card>
      {profile && (
        <Card
          title={t("registry.assess.current")}
          size="small"
          extra={
            suggestion && (
              <Button size="small" onClick={onUseSuggestion}>
                {t("registry.assess.useSuggestion", {
                  values: Object.entries(suggestion)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" "),
                })}
              </Button>
            )
          }
        >
          {profile.factors.map((factor) => (
            <FactorPicker key={factor.letter} factor={factor} group="current" />
          ))}
        </Card>
      )}
      {profile && (
        <Card
          title={t("registry.assess.inherent")}
          size="small"
          extra={
            <Form.Item name="withInherent" valuePropName="checked" noStyle>
              <Switch data-testid="with-inherent" />
            </Form.Item>
          }
        >
          {withInherent ? (
            profile.factors.map((factor) => (
              <FactorPicker key={factor.letter} factor={factor} group="inherent" compact />
            ))
          ) : (
            <Typography.Text type="secondary">{t("registry.assess.inherentHint")}</Typography.Text>
          )}
        </Card>
      )}
    </>
  );
}
