import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Checkbox,
  Descriptions,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LEVELS, type Level } from "../../../../shared/methodology/levels.ts";
import {
  CHANNELS,
  type Channel,
  type NotificationPreferencesInput,
} from "../../../../shared/notifications/preferences.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { getPreferences, notificationKeys, savePreferences } from "../../api/notifications.ts";
import { LoadError } from "../../app/load-error.tsx";
import { LevelTag } from "../../theme/level-tag.tsx";

/**
 * 通知偏好: an official's channels per warning level (red locked on), quiet hours and language,
 * saved at the version read.
 */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const client = useApi();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const query = useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getPreferences(client, signal),
  });
  const [draft, setDraft] = useState<NotificationPreferencesInput>();
  useEffect(() => {
    if (query.data) {
      const { channels, quietHours, language } = query.data;
      setDraft({
        channels: channels as NotificationPreferencesInput["channels"],
        quietHours,
        language,
      });
    }
  }, [query.data]);
  const save = useMutation({
    mutationFn: (body: NotificationPreferencesInput) =>
      savePreferences(client, body, query.data?.version ?? 0),
    onSuccess: async () => {
      message.success(t("notifications.saved"));
      await queries.invalidateQueries({ queryKey: notificationKeys.preferences() });
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (!draft || !query.data) return null;
  const toggle = (level: Level, channel: Channel, on: boolean) =>
    setDraft({
      ...draft,
      channels: { ...draft.channels, [level]: { ...draft.channels[level], [channel]: on } },
    });
  const quiet = draft.quietHours;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3}>{t("notifications.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("notifications.hint")}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "phone", label: t("notifications.phone"), children: query.data.phone ?? "—" },
          { key: "email", label: t("notifications.mailbox"), children: query.data.email ?? "—" },
        ]}
      />
      <Table
        rowKey="level"
        pagination={false}
        dataSource={LEVELS.map((level) => ({ level }))}
        columns={[
          {
            title: t("notifications.level"),
            dataIndex: "level",
            render: (level: Level) => <LevelTag level={level} />,
          },
          ...CHANNELS.map((channel) => ({
            title: t(`notifications.${channel}`),
            key: channel,
            render: (_: unknown, row: { level: Level }) => (
              <Checkbox
                aria-label={`${t(`levels.names.${row.level}`)} ${t(`notifications.${channel}`)}`}
                checked={row.level === "major" || draft.channels[row.level][channel]}
                disabled={row.level === "major"}
                title={row.level === "major" ? t("notifications.redLocked") : undefined}
                onChange={(e) => toggle(row.level, channel, e.target.checked)}
              />
            ),
          })),
        ]}
      />
      <Space wrap>
        <Typography.Text>{t("notifications.quietHours")}</Typography.Text>
        <Switch
          aria-label={t("notifications.quietHours")}
          checked={quiet.enabled}
          onChange={(enabled) => setDraft({ ...draft, quietHours: { ...quiet, enabled } })}
        />
        <Input
          style={{ width: 90 }}
          addonBefore={t("notifications.start")}
          aria-label={t("notifications.start")}
          value={quiet.start}
          onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, start: e.target.value } })}
        />
        <Input
          style={{ width: 90 }}
          addonBefore={t("notifications.end")}
          aria-label={t("notifications.end")}
          value={quiet.end}
          onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, end: e.target.value } })}
        />
      </Space>
      <Space>
        <Typography.Text>{t("notifications.language")}</Typography.Text>
        <Select
          style={{ width: 120 }}
          value={draft.language}
          options={[
            { value: "zh", label: "中文" },
            { value: "en", label: "English" },
          ]}
          onChange={(language) => setDraft({ ...draft, language })}
        />
      </Space>
      <Button type="primary" loading={save.isPending} onClick={() => save.mutate(draft)}>
        {t("notifications.save")}
      </Button>
    </Space>
  );
}
