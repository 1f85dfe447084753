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
    // antd's secondary, placeholder and description greys (45% / 25% black) fail WCAG AA
    // contrast on white; these pass 4.5:1 (axe checks them in accessibility.browser.test.ts).
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorTextQuaternary: "rgba(0, 0, 0, 0.56)",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { headerBg: "#0F2A4A", headerPadding: "0 24px" },
  },
};
