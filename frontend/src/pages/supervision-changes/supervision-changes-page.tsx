import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  SupervisionChange,
  SupervisionChangeInput,
  SupervisionDecisionInput,
} from "../../../../shared/risk/supervision-change.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { newIdempotencyKey } from "../../api/registry/etag.ts";
import { listRiskSources } from "../../api/registry/risk-sources.ts";
import {
  decideSupervisionChange,
  listSupervisionChanges,
  requestSupervisionChange,
} from "../../api/registry/supervision-changes.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { DecisionDialog } from "../../app/decision-dialog.tsx";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { placeText } from "./place-text.ts";
import { RequestDialog } from "./request-dialog.tsx";

const STATUS_COLOURS = { pending: "gold", approved: "green", rejected: "red" } as const;

/**
 * 监管变更: an enterprise admin asks for new district, street or industry supervision and sees
 * its requests; an official decides the requests to move into their jurisdiction.
 */
export function SupervisionChangesPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  const canRequest = me?.role === "enterpriseAdmin";
  const queryClient = useQueryClient();
  const list = useCursorList(registryKeys.supervisionChanges(), listSupervisionChanges);
  const sources = useQuery({
    queryKey: registryKeys.supervisionSourcePicker(),
    queryFn: ({ signal }) => listRiskSources(client, {}, undefined, signal),
    enabled: canRequest,
  });
  const [asking, setAsking] = useState(false);
  const [askKey, setAskKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState<{
    change: SupervisionChange;
    decision: SupervisionDecisionInput["decision"];
  }>();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: registryKeys.supervisionChanges() });

  const refused = (error: unknown) => {
    if (error instanceof ApiError && [404, 409, 412].includes(error.status)) {
      void message.warning(t("registry.supervision.conflict"));
      void refresh();
    } else {
      void message.error(errorText(error, t));
    }
  };

  const ask = useMutation({
    mutationFn: (input: SupervisionChangeInput) => requestSupervisionChange(client, input, askKey),
    onSuccess: () => {
      void message.success(t("registry.supervision.requested"));
      setAsking(false);
      setAskKey(newIdempotencyKey());
      void refresh();
    },
    onError: refused,
  });

  /** An approval moves the enterprise or source: every registry listing may change. */
  const decide = useMutation({
    mutationFn: ({
      change,
      input,
    }: {
      change: SupervisionChange;
      input: SupervisionDecisionInput;
    }) => decideSupervisionChange(client, change, input),
    onSuccess: (_, { input }) => {
      void message.success(
        t(
          input.decision === "approve"
            ? "registry.supervision.approved"
            : "registry.supervision.rejected",
        ),
      );
      void queryClient.invalidateQueries({ queryKey: ["registry"] });
    },
    onError: refused,
    onSettled: () => setPending(undefined),
  });
  const busy = ask.isPending || decide.isPending;

  const columns: ColumnsType<SupervisionChange> = [
    {
      key: "target",
      title: t("registry.supervision.target"),
      render: (_, c) =>
        c.target.type === "enterprise"
          ? c.enterpriseName
          : `${c.enterpriseName} / ${t("registry.supervision.targetSource")}：${c.targetName}`,
    },
    {
      key: "from",
      title: t("registry.supervision.from"),
      render: (_, c) => placeText(c.from, pick),
    },
    { key: "to", title: t("registry.supervision.to"), render: (_, c) => placeText(c.to, pick) },
    { key: "reason", title: t("registry.supervision.reason"), dataIndex: "reason" },
    {
      key: "status",
      title: t("registry.supervision.status"),
      width: 110,
      render: (_, c) => (
        <Tag color={STATUS_COLOURS[c.status]}>{t(`registry.supervision.statuses.${c.status}`)}</Tag>
      ),
    },
    {
      key: "comment",
      title: t("registry.supervision.decisionComment"),
      render: (_, c) => c.decision?.comment ?? "—",
    },
    {
      key: "at",
      title: t("registry.supervision.submittedAt"),
      width: 150,
      render: (_, c) => formatDateTime(c.createdAt),
    },
    ...(official
      ? [
          {
            key: "actions",
            title: t("registry.common.actions"),
            width: 160,
            render: (_: unknown, change: SupervisionChange) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setPending({ change, decision: "approve" })}
                >
                  {t("registry.supervision.approve")}
                </Button>
                <Button
                  danger
                  size="small"
                  onClick={() => setPending({ change, decision: "reject" })}
                >
                  {t("registry.supervision.reject")}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.supervision.title")}
        </Typography.Title>
        {canRequest && (
          <Button type="primary" onClick={() => setAsking(true)}>
            {t("registry.supervision.request")}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">
        {t(official ? "registry.supervision.officialHint" : "registry.supervision.hint")}
      </Typography.Text>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {!(list.error && list.items.length === 0) && (
        <Table<SupervisionChange>
          rowKey="id"
          data-testid="supervision-changes"
          columns={columns}
          dataSource={list.items}
          loading={list.isFetching}
          pagination={false}
          locale={{ emptyText: t("registry.supervision.empty") }}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <RequestDialog
        open={asking}
        sources={sources.data?.items ?? []}
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={(input) => ask.mutate(input)}
      />
      <DecisionDialog
        decision={pending?.decision}
        subject={
          pending ? `${pending.change.enterpriseName}：${placeText(pending.change.to, pick)}` : ""
        }
        texts="registry.supervision"
        busy={busy}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => pending && decide.mutate({ change: pending.change, input })}
      />
    </Flex>
  );
}
