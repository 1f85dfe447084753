import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Skeleton, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../../../shared/warnings/warning.ts";
import { useApi } from "../../api/api-context.tsx";
import { getWarning, warningKeys } from "../../api/warnings.ts";
import { NearestResourcesTable } from "../../readiness/nearest-resources-table.tsx";
import { formatDateTime } from "../../registry/dates.ts";
import { LevelTag } from "../../theme/level-tag.tsx";

const ESCALATION = "red";

/** A warning with its handling steps and escalations, newest last (the escalation timeline). */
export function WarningDetail({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApi();
  const query = useQuery({
    queryKey: warningKeys.one(id ?? ""),
    queryFn: ({ signal }) => getWarning(client, id ?? "", signal),
    enabled: id !== undefined,
    refetchInterval: 15_000,
  });
  const w = query.data;
  const entry = (e: TimelineEntry) => {
    const what =
      e.kind === "escalated" && e.step
        ? `${t("warnings.events.escalated")} ${t(`warnings.steps.${e.step}`)}`
        : t(`warnings.events.${e.kind}`);
    return {
      color: e.kind === "escalated" ? ESCALATION : undefined,
      children: (
        <div data-testid="timeline-entry">
          <Typography.Text strong>{what}</Typography.Text>{" "}
          <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
          {e.note && e.kind !== "escalated" && <div>{e.note}</div>}
        </div>
      ),
    };
  };
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      title={t("warnings.detail")}
      size="large"
      destroyOnHidden
    >
      {!w ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("warnings.source")}>{w.riskSourceName}</Descriptions.Item>
            <Descriptions.Item label={t("warnings.enterprise")}>
              {w.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t("warnings.level")}>
              <LevelTag level={w.level} />
            </Descriptions.Item>
            <Descriptions.Item label={t("warnings.rule")}>
              {t(`warnings.rules.${w.rule}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("warnings.status")}>
              <Tag>{t(`warnings.statuses.${w.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("warnings.step")}>
              {t(`warnings.steps.${w.escalation.step}`)}
            </Descriptions.Item>
            {w.escalation.dueAt && (
              <Descriptions.Item label={t("warnings.dueAt")}>
                {formatDateTime(w.escalation.dueAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("warnings.timeline")}
          </Typography.Title>
          <Timeline items={w.timeline.map(entry)} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("readiness.nearestTitle")}
          </Typography.Title>
          <div data-testid="warning-nearest-resources">
            <NearestResourcesTable sourceId={w.riskSourceId} />
          </div>
        </>
      )}
    </Drawer>
  );
}
