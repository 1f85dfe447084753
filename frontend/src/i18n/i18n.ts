import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { loadLanguage } from "./languages.ts";
import { en } from "./resources/en.ts";
import { type Messages, zhCN } from "./resources/zh-cn.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

/** Initialises i18next once, before the first render, in the persisted language. */
export async function initI18n(): Promise<typeof i18next> {
  const lng = loadLanguage();
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: "zh-CN",
    supportedLngs: ["zh-CN", "en"],
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}
