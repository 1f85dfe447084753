import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/languages.ts";
import { useLanguage } from "../i18n/use-language.ts";

/** 中文 / English, each label in its own language so either reader can find it. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t("language.label")}
      size="small"
      value={language}
      onChange={(next) => void setLanguage(next)}
      options={[
        { value: "zh-CN", label: <span lang="zh-CN">{t("language.zh")}</span> },
        { value: "en", label: <span lang="en">{t("language.en")}</span> },
      ]}
    />
  );
}
