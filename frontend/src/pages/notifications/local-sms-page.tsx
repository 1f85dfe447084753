import { useQuery } from "@tanstack/react-query";
import { Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { type LocalSms, listLocalSms, notificationKeys } from "../../api/notifications.ts";
import { LoadError } from "../../app/load-error.tsx";
import { formatDateTime } from "../../registry/dates.ts";

/**
 * 本地短信发件箱: what the local SMS channel "sent" — the local stack's stand-in for a provider,
 * like the mail capture. The gateway answers it to a signed-in city admin only; on AWS there is
 * no such route.
 */
export function LocalSmsPage() {
  const { t } = useTranslation();
  const client = useApi();
  const query = useQuery({
    queryKey: notificationKeys.localSms(),
    queryFn: ({ signal }) => listLocalSms(client, signal),
    refetchInterval: 5_000,
  });
  if (query.error) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Title level={3}>{t("notifications.smsTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("notifications.smsHint")}</Typography.Paragraph>
      <Table<LocalSms>
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data ?? []}
        locale={{ emptyText: t("notifications.empty") }}
        columns={[
          {
            title: t("notifications.sentAt"),
            dataIndex: "sentAt",
            render: (v: string) => formatDateTime(v),
          },
          { title: t("notifications.to"), dataIndex: "to" },
          { title: t("notifications.text"), dataIndex: "text" },
        ]}
      />
    </Space>
  );
}
