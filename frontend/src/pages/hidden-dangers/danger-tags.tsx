import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type {
  HiddenDangerLevel,
  HiddenDangerStatus,
} from "../../../../shared/hidden-dangers/hidden-danger.ts";

const STATUS_COLOURS: Record<HiddenDangerStatus, string> = {
  reported: "red",
  planned: "orange",
  rectified: "blue",
  evaluated: "purple",
  accepted: "green",
  closed: "default",
};

export function DangerLevelTag({ level }: { level: HiddenDangerLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={level === "major" ? "#E5202E" : "#F5C400"}>
      {t(`hiddenDangers.levels.${level}`)}
    </Tag>
  );
}

export function DangerStatusTag({ status }: { status: HiddenDangerStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`hiddenDangers.statuses.${status}`)}</Tag>;
}
