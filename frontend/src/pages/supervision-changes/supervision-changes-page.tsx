import { App, Button, Flex, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RiskSource } from "../../../../shared/risk/risk-source.ts";
import type {
  SupervisionChange,
  SupervisionChangeInput,
  SupervisionDecisionInput,
} from "../../../../shared/risk/supervision-change.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { newIdempotencyKey } from "../../api/registry/etag.ts";
import { listRiskSources } from "../../api/registry/risk-sources.ts";
import {
  decideSupervisionChange,
  listSupervisionChanges,
  requestSupervisionChange,
} from "../../api/registry/supervision-changes.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { usePagedList } from "../../tenancy/use-paged-list.ts";
import { DecisionDialog } from "./decision-dialog.tsx";
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
  const list = usePagedList(listSupervisionChanges);
  const [sources, setSources] = useState<RiskSource[]>([]);
  const [asking, setAsking] = useState(false);
  const [askKey, setAskKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState<{
    change: SupervisionChange;
    decision: SupervisionDecisionInput["decision"];
  }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!canRequest) return;
    listRiskSources(client, {}, undefined)
      .then((page) => setSources(page.items))
      .catch(() => setSources([]));
  }, [canRequest, client]);

  const refused = (error: unknown) => {
    if (error instanceof ApiError && [404, 409, 412].includes(error.status)) {
      void message.warning(t("registry.supervision.conflict"));
      list.reload();
    } else {
      void message.error(errorText(error, t));
    }
  };

  const ask = async (input: SupervisionChangeInput) => {
    setBusy(true);
    try {
      await requestSupervisionChange(client, input, askKey);
      void message.success(t("registry.supervision.requested"));
      setAsking(false);
      setAskKey(newIdempotencyKey());
      list.reload();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  const decide = async (input: SupervisionDecisionInput) => {
    if (!pending) return;
    setBusy(true);
    try {
      await decideSupervisionChange(client, pending.change, input);
      void message.success(
        t(
          input.decision === "approve"
            ? "registry.supervision.approved"
            : "registry.supervision.rejected",
        ),
      );
      setPending(undefined);
      list.reload();
    } catch (error) {
      setPending(undefined);
      refused(error);
    } finally {
      setBusy(false);
    }
  };

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
      <Table<SupervisionChange>
        rowKey="id"
        data-testid="supervision-changes"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: t("registry.supervision.empty") }}
      />
      {list.hasMore && (
        <Flex justify="center">
          <Button onClick={list.loadMore} loading={list.loading}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <RequestDialog
        open={asking}
        sources={sources}
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={(input) => void ask(input)}
      />
      <DecisionDialog
        decision={pending?.decision}
        subject={
          pending ? `${pending.change.enterpriseName}：${placeText(pending.change.to, pick)}` : ""
        }
        busy={busy}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => void decide(input)}
      />
    </Flex>
  );
}
