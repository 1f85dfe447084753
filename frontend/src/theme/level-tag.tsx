import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { LEVELS, type LevelId } from "./levels.ts";

/** A risk level shown in its official colour with its label in the active language. */
export function LevelTag({ level }: { level: LevelId }) {
  const { t } = useTranslation();
  const style = LEVELS[level];
  return (
    <Tag
      variant="solid"
      color={style.color}
      style={{ color: style.onColor, borderColor: style.color }}
      data-level={level}
    >
      {t(`levels.names.${level}`)}
    </Tag>
  );
}
