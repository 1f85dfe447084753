import type { Locale } from "antd/es/locale";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { Language } from "./languages.ts";

/** antd's built-in texts (pagination, pickers, empty states) follow the app language. */
export const ANTD_LOCALES: Readonly<Record<Language, Locale>> = { "zh-CN": zhCN, en: enUS };
