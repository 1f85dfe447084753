import { Tag } from "antd";
import { useLanguage } from "../i18n/use-language.ts";
import { LEVELS, type LevelId } from "./levels.ts";

/** A risk level shown in its official colour with its label in the active language. */
export function LevelTag({ level }: { level: LevelId }) {
  const { pick } = useLanguage();
  const style = LEVELS[level];
  return (
    <Tag
      variant="solid"
      color={style.color}
      style={{ color: style.onColor, borderColor: style.color }}
      data-level={level}
    >
      {pick(style.label)}
    </Tag>
  );
}
