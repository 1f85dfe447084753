import { Card, Space } from "antd";
import { useTranslation } from "react-i18next";
import { LevelTag } from "../../theme/level-tag.tsx";
import { LEVEL_IDS } from "../../theme/levels.ts";

/** The four levels in their colours — the key every later list, card and map uses. */
export function LevelLegend() {
  const { t } = useTranslation();
  return (
    <Card title={t("levels.title")} size="small">
      <Space wrap>
        {LEVEL_IDS.map((level) => (
          <LevelTag key={level} level={level} />
        ))}
      </Space>
    </Card>
  );
}
