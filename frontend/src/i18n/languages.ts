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

/**
 * The one way to read a bilingual value that comes as data (API answers, `shared/` catalogs,
 * methodology tables, schema messages) in the reader's language. UI texts live in the i18next
 * resources instead. `shared/`'s zod messages are single strings written "中文 / English"; a
 * string without that separator is the same in both languages.
 */
export function pickText(text: LocalizedText | string, language: Language): string {
  if (typeof text !== "string") return language === "en" ? text.en : text.zh;
  const parts = text.split(" / ");
  if (parts.length !== 2) return text;
  return (language === "en" ? parts[1] : parts[0]) ?? text;
}

/**
 * A methodology value in the reader's language; English readers also see the Chinese original,
 * the authoritative wording of the method's tables.
 */
export function pickWithOriginal(text: LocalizedText, language: Language): string {
  return language === "en" ? `${text.en} · ${text.zh}` : text.zh;
}
