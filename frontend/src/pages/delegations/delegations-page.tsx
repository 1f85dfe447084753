import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DelegationCreateInput } from "../../../../shared/tenancy/requests.ts";
import type { DelegationView } from "../../../../shared/tenancy/views.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { grantDelegation, listDelegations, revokeDelegation } from "../../api/tenancy.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { formatDate } from "../../registry/dates.ts";
import { GrantDialog } from "./grant-dialog.tsx";

function statusOf(d: DelegationView): "active" | "expired" | "revoked" {
  if (d.revokedAt !== null) return "revoked";
  return d.active ? "active" : "expired";
}

const STATUS = {
  active: { color: "green", key: "tenancy.delegations.statusActive" },
  expired: { color: "default", key: "tenancy.delegations.statusExpired" },
  revoked: { color: "red", key: "tenancy.delegations.statusRevoked" },
} as const;

/** 评估委托: an enterprise admin delegates risk sources to an assessment agency, and revokes. */
export function DelegationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  // An assessor reads the delegations their agency received: no granting, no revoking.
  const received = me?.role === "assessor";
  const list = useCursorList(tenancyKeys.delegations(), listDelegations);
  const [granting, setGranting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tenancyKeys.delegations() });

  const grant = useMutation({
    mutationFn: (input: DelegationCreateInput) => grantDelegation(client, input),
    onSuccess: () => {
      void message.success(t("tenancy.delegations.granted"));
      setGranting(false);
      void refresh();
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  /** If-Match: a delegation changed meanwhile answers 412, and the re-read list shows why. */
  const revoke = useMutation({
    mutationFn: (delegation: DelegationView) => revokeDelegation(client, delegation),
    onSuccess: () => void message.success(t("tenancy.delegations.revoked")),
    onError: (error) => void message.error(errorText(error, t)),
    onSettled: refresh,
  });

  const actionsColumn: ColumnsType<DelegationView>[number] = {
    key: "actions",
    title: t("tenancy.common.actions"),
    width: 100,
    render: (_, d) =>
      statusOf(d) === "active" ? (
        <Popconfirm
          title={t("tenancy.delegations.revokeConfirm")}
          onConfirm={() => revoke.mutateAsync(d).catch(() => undefined)}
          okText={t("tenancy.delegations.revoke")}
          cancelText={t("tenancy.common.cancel")}
        >
          <Button size="small" danger data-testid={`revoke-${d.id}`}>
            {t("tenancy.delegations.revoke")}
          </Button>
        </Popconfirm>
      ) : null,
  };

  const columns: ColumnsType<DelegationView> = [
    received
      ? {
          key: "enterprise",
          title: t("enterprises.name"),
          render: (_, d) => d.enterpriseName ?? d.tenantId,
        }
      : {
          key: "agency",
          title: t("tenancy.delegations.agency"),
          render: (_, d) => d.agencyName ?? d.agencyTenantId,
        },
    {
      key: "sources",
      title: t("tenancy.delegations.sources"),
      render: (_, d) => t("tenancy.delegations.count", { count: d.riskSourceIds.length }),
    },
    {
      key: "expires",
      title: t("tenancy.delegations.expiresAt"),
      render: (_, d) => formatDate(d.expiresAt),
    },
    {
      key: "status",
      title: t("tenancy.common.status"),
      render: (_, d) => {
        const s = STATUS[statusOf(d)];
        return <Tag color={s.color}>{t(s.key)}</Tag>;
      },
    },
    ...(received ? [] : [actionsColumn]),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("tenancy.delegations.title")}
        </Typography.Title>
        {!received && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setGranting(true)}
            data-testid="grant"
          >
            {t("tenancy.delegations.grant")}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t("tenancy.delegations.hint")}</Typography.Text>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {!(list.error && list.items.length === 0) && (
        <Table<DelegationView>
          rowKey="id"
          data-testid="delegations"
          columns={columns}
          dataSource={list.items}
          loading={list.isFetching}
          pagination={false}
          locale={{
            emptyText: t(received ? "emptyHints.assessorDelegations" : "tenancy.delegations.empty"),
          }}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("tenancy.common.loadMore")}
          </Button>
        </Flex>
      )}
      <GrantDialog
        open={granting}
        busy={grant.isPending}
        onCancel={() => setGranting(false)}
        onConfirm={(input) => grant.mutate(input)}
      />
    </Flex>
  );
}
