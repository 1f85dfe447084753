import { Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { EndpointView } from "../../../../shared/webhooks/endpoint.ts";
import { formatDateTime } from "../../registry/dates.ts";

interface Props {
  endpoints: readonly EndpointView[];
  loading: boolean;
  busyId: string | undefined;
  onDeliveries: (endpoint: EndpointView) => void;
  onToggle: (endpoint: EndpointView) => Promise<void>;
  onRotate: (endpoint: EndpointView) => Promise<void>;
  onDelete: (endpoint: EndpointView) => Promise<void>;
}

/** The caller's endpoints: where each posts, what it takes, its state; the actions on it. */
export function EndpointsTable(props: Props) {
  const { t } = useTranslation();
  const { busyId } = props;
  const confirm = (
    title: string,
    label: string,
    onConfirm: () => Promise<void>,
    testId: string,
    danger = false,
  ) => (
    <Popconfirm
      title={title}
      onConfirm={onConfirm}
      okText={label}
      cancelText={t("webhooks.cancel")}
    >
      <Button size="small" danger={danger} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
  const columns: ColumnsType<EndpointView> = [
    {
      key: "url",
      title: t("webhooks.url"),
      render: (_, e) => (
        <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
          {e.url}
        </Typography.Text>
      ),
    },
    {
      key: "eventTypes",
      title: t("webhooks.eventTypes"),
      render: (_, e) => e.eventTypes.map((type) => <Tag key={type}>{type}</Tag>),
    },
    {
      key: "status",
      title: t("webhooks.status"),
      render: (_, e) =>
        e.status === "enabled" ? (
          <Tag color="green">{t("webhooks.enabled")}</Tag>
        ) : (
          <Tag>
            {t("webhooks.disabled")}
            {e.disabledReason ? ` · ${t(`webhooks.reasons.${e.disabledReason}`)}` : ""}
          </Tag>
        ),
    },
    {
      key: "createdAt",
      title: t("webhooks.createdAt"),
      render: (_, e) => formatDateTime(e.createdAt),
    },
    {
      key: "actions",
      title: t("webhooks.actions"),
      render: (_, e) => (
        <Space wrap size="small">
          <Button
            size="small"
            type="link"
            onClick={() => props.onDeliveries(e)}
            data-testid={`deliveries-${e.id}`}
          >
            {t("webhooks.deliveries")}
          </Button>
          {confirm(
            t(e.status === "enabled" ? "webhooks.disableConfirm" : "webhooks.enableConfirm"),
            t(e.status === "enabled" ? "webhooks.disable" : "webhooks.enable"),
            () => props.onToggle(e),
            `toggle-${e.id}`,
          )}
          {confirm(
            t("webhooks.rotateConfirm"),
            t("webhooks.rotate"),
            () => props.onRotate(e),
            `rotate-${e.id}`,
          )}
          {confirm(
            t("webhooks.deleteConfirm"),
            t("webhooks.delete"),
            () => props.onDelete(e),
            `delete-${e.id}`,
            true,
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<EndpointView>
      rowKey="id"
      data-testid="webhook-endpoints"
      columns={columns}
      dataSource={[...props.endpoints]}
      loading={props.loading || busyId !== undefined}
      pagination={false}
      locale={{ emptyText: t("webhooks.empty") }}
      onRow={(e) => ({ "data-endpoint-id": e.id }) as object}
    />
  );
}
