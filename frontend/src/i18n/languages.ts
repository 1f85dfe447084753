export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

const STORAGE_KEY = "cityrisk.language";

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l === value);
}

/** The user's last choice survives reloads and sign-outs; Chinese until they choose. */
export function loadLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** A bilingual text as the API and `shared/` carry it. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export function pickText(text: LocalizedText, language: Language): string {
  return language === "zh-CN" ? text.zh : text.en;
}
