import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  isLanguage,
  type Language,
  type LocalizedText,
  pickText,
  saveLanguage,
} from "./languages.ts";

/** The active language, a setter that persists it, and a picker for bilingual data. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : "zh-CN";
  const setLanguage = useCallback(
    async (next: Language) => {
      saveLanguage(next);
      document.documentElement.lang = next;
      await i18n.changeLanguage(next);
    },
    [i18n],
  );
  const pick = useCallback((text: LocalizedText | string) => pickText(text, language), [language]);
  return { language, setLanguage, pick };
}
