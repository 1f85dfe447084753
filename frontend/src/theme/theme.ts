import type { ThemeConfig } from "antd";
import { LEVELS } from "./levels.ts";

/**
 * The antd theme. Status colours borrow the level palette so an error reads as "major" red
 * and a warning as "significant" orange everywhere, matching the risk map and level tags.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: "#1D4ED8",
    colorError: LEVELS.major.color,
    colorWarning: LEVELS.significant.color,
    colorInfo: LEVELS.low.color,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { headerBg: "#0F2A4A", headerPadding: "0 24px" },
  },
};
