import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Flex, Select, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttemptLog, Delivery } from "../../../../shared/webhooks/delivery.ts";
import type { EndpointView } from "../../../../shared/webhooks/endpoint.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import {
  listAttempts,
  listDeliveries,
  replayDelivery,
  replayFailed,
  webhookKeys,
} from "../../api/webhooks.ts";
import { LoadError } from "../../app/load-error.tsx";
import { formatDateTime } from "../../registry/dates.ts";

const STATUS_COLOR = { pending: "blue", delivered: "green", failed: "red" } as const;
const SINCE_HOURS = [1, 24, 24 * 7] as const;

interface Props {
  endpoint: EndpointView | undefined;
  onClose: () => void;
}

/** An endpoint's deliveries and its attempt log (投递日志), with replay of one or of all failed. */
export function DeliveriesDrawer({ endpoint, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const id = endpoint?.id ?? "";
  const enabled = endpoint !== undefined;
  const deliveries = useCursorList(
    webhookKeys.deliveries(id),
    (c, cursor, signal) => listDeliveries(c, id, cursor, signal),
    { enabled, refetchInterval: 10_000 },
  );
  const attempts = useCursorList(
    webhookKeys.attempts(id),
    (c, cursor, signal) => listAttempts(c, id, cursor, signal),
    { enabled, refetchInterval: 10_000 },
  );
  const [sinceHours, setSinceHours] = useState<number>(24);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.all() });
  const replayOne = useMutation({
    mutationFn: (deliveryId: string) => replayDelivery(client, id, deliveryId),
    onSuccess: () => void message.success(t("webhooks.replayed", { count: 1 })),
    onError: (error) => void message.error(errorText(error, t)),
    onSettled: refresh,
  });
  const replayAll = useMutation({
    mutationFn: () =>
      replayFailed(client, id, new Date(Date.now() - sinceHours * 3_600_000).toISOString()),
    onSuccess: (answer) => void message.success(t("webhooks.replayed", { count: answer.replayed })),
    onError: (error) => void message.error(errorText(error, t)),
    onSettled: refresh,
  });

  const deliveryTable = (
    <Table<Delivery>
      rowKey="id"
      size="small"
      data-testid="webhook-deliveries"
      dataSource={deliveries.items}
      loading={deliveries.isFetching}
      pagination={false}
      locale={{ emptyText: t("webhooks.noDeliveries") }}
      columns={[
        {
          key: "id",
          title: "webhook-id",
          render: (_, d) => <Typography.Text code>{d.id}</Typography.Text>,
        },
        { key: "type", title: t("webhooks.eventType"), dataIndex: "eventType" },
        {
          key: "status",
          title: t("webhooks.status"),
          render: (_, d) => (
            <Tag color={STATUS_COLOR[d.status]}>{t(`webhooks.deliveryStatus.${d.status}`)}</Tag>
          ),
        },
        { key: "attempts", title: t("webhooks.attempts"), dataIndex: "attempts" },
        {
          key: "last",
          title: t("webhooks.lastAttempt"),
          render: (_, d) =>
            d.lastAttempt
              ? `${formatDateTime(d.lastAttempt.at)} · ${d.lastAttempt.statusCode ?? "—"}`
              : "—",
        },
        {
          key: "replay",
          title: t("webhooks.actions"),
          render: (_, d) => (
            <Button
              size="small"
              disabled={d.status === "pending"}
              loading={replayOne.isPending && replayOne.variables === d.id}
              onClick={() => replayOne.mutate(d.id)}
              data-testid={`replay-${d.id}`}
            >
              {t("webhooks.replay")}
            </Button>
          ),
        },
      ]}
    />
  );

  const attemptTable = (
    <Table<AttemptLog>
      rowKey="id"
      size="small"
      data-testid="webhook-attempts"
      dataSource={attempts.items}
      loading={attempts.isFetching}
      pagination={false}
      locale={{ emptyText: t("webhooks.noDeliveries") }}
      columns={[
        { key: "at", title: t("webhooks.at"), render: (_, a) => formatDateTime(a.at) },
        { key: "type", title: t("webhooks.eventType"), dataIndex: "eventType" },
        { key: "number", title: "#", dataIndex: "number" },
        { key: "code", title: t("webhooks.statusCode"), render: (_, a) => a.statusCode ?? "—" },
        { key: "ms", title: t("webhooks.duration"), render: (_, a) => `${a.durationMs} ms` },
        {
          key: "outcome",
          title: t("webhooks.outcome"),
          render: (_, a) => t(`webhooks.outcomes.${a.outcome}`),
        },
        { key: "error", title: t("webhooks.error"), render: (_, a) => a.error ?? "" },
      ]}
    />
  );

  return (
    <Drawer
      open={enabled}
      onClose={onClose}
      size="large"
      title={t("webhooks.deliveriesOf", { url: endpoint?.url ?? "" })}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Select
            value={sinceHours}
            onChange={setSinceHours}
            style={{ width: 160 }}
            aria-label={t("webhooks.since")}
            options={SINCE_HOURS.map((h) => ({
              value: h,
              label: t("webhooks.sinceHours", { count: h }),
            }))}
          />
          <Button
            onClick={() => replayAll.mutate()}
            loading={replayAll.isPending}
            data-testid="replay-failed"
          >
            {t("webhooks.replayFailed")}
          </Button>
        </Flex>
        {deliveries.error && (
          <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        )}
        <Tabs
          items={[
            { key: "deliveries", label: t("webhooks.deliveries"), children: deliveryTable },
            { key: "attempts", label: t("webhooks.attemptLog"), children: attemptTable },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
