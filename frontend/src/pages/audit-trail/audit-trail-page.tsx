import { useQuery } from "@tanstack/react-query";
import { DatePicker, Flex, Input, Select, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ComponentProps, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { AuditRecord } from "../../../../shared/audit/audit-record.ts";
import { ROLE_LABELS } from "../../../../shared/tenancy/role-labels.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchEnterprise } from "../../api/registry/enterprise.ts";
import { listAuditRecords } from "../../api/tenancy.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadMore } from "../../app/load-more.tsx";
import { PageError } from "../../app/page-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { enterpriseLinks } from "../enterprises/enterprise-links.ts";
import { AuditChanges } from "./audit-changes.tsx";
import {
  AUDIT_TARGETS,
  changedFields,
  isKnownAction,
  isKnownTarget,
  recordMatches,
  splitAction,
} from "./audit-text.ts";

/**
 * 审计记录: a tenant's audit trail, newest first — the own organisation's, or (officials) an
 * enterprise's in their jurisdiction, chosen from the directory (`?tenant=`). The time range and
 * the kind of record are the route's filters, searched over the whole trail; the text box
 * narrows the records loaded so far.
 */
export function AuditTrailPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const [search] = useSearchParams();
  const param = search.get("tenant") ?? undefined;
  const tenantId = param && param !== me?.tenantId ? param : undefined;
  const [text, setText] = useState("");
  const [range, setRange] = useState<ComponentProps<typeof DatePicker.RangePicker>["value"]>(null);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const filter = useMemo(() => {
    const [from, to] = range ?? [null, null];
    return {
      ...(from ? { from: from.startOf("day").toISOString() } : {}),
      ...(to ? { to: to.endOf("day").toISOString() } : {}),
      ...(kind ? { action: kind } : {}),
    };
  }, [range, kind]);
  const enterprise = useQuery({
    queryKey: registryKeys.enterprise(tenantId ?? ""),
    queryFn: ({ signal }) => fetchEnterprise(client, tenantId ?? "", signal),
    enabled: tenantId !== undefined,
  });
  const list = useCursorList(registryKeys.auditTrail(tenantId, filter), (c, cursor, signal) =>
    listAuditRecords(c, tenantId, filter, cursor, signal),
  );
  const shown = useMemo(() => list.items.filter((r) => recordMatches(r, text)), [list.items, text]);

  if (list.error && list.items.length === 0) {
    return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  }

  const actionText = (action: string) => {
    const { kind, verb } = splitAction(action);
    const what = isKnownTarget(kind) ? t(`audit.targets.${kind}`) : kind;
    const how = isKnownAction(verb) ? t(`audit.actions.${verb}`) : verb;
    return `${what} · ${how}`;
  };
  const columns: ColumnsType<AuditRecord> = [
    { key: "at", title: t("audit.at"), width: 170, render: (_, r) => formatDateTime(r.at) },
    {
      key: "actor",
      title: t("audit.actor"),
      render: (_, r) => `${pick(ROLE_LABELS[r.actor.role])} · ${r.actor.userId}`,
    },
    { key: "action", title: t("audit.action"), render: (_, r) => actionText(r.action) },
    {
      key: "target",
      title: t("audit.target"),
      render: (_, r) =>
        `${isKnownTarget(r.target.type) ? t(`audit.targets.${r.target.type}`) : r.target.type} ${r.target.id}`,
    },
    {
      key: "changes",
      title: t("audit.changes"),
      responsive: ["md"],
      render: (_, r) => changedFields(r).join("、") || "—",
    },
  ];
  const whose = tenantId
    ? (enterprise.data?.name ?? tenantId)
    : (me?.tenantName ?? t("audit.ownTenant"));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("audit.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("audit.hint")}</Typography.Text>
      <Flex wrap gap={8} align="center">
        <Typography.Text data-testid="audit-tenant">
          {t("audit.tenant")}：
          {tenantId ? <Link to={enterpriseLinks.detail(tenantId)}>{whose}</Link> : whose}
        </Typography.Text>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t("audit.filter")}
          aria-label={t("audit.filter")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="audit-filter"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("audit.kind")}
          aria-label={t("audit.kind")}
          value={kind}
          onChange={setKind}
          options={AUDIT_TARGETS.map((k) => ({ value: k, label: t(`audit.targets.${k}`) }))}
          data-testid="audit-kind"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v)}
          aria-label={t("audit.range")}
          data-testid="audit-range"
        />
        <Typography.Text type="secondary">
          {t("audit.shown", { count: list.items.length })}
        </Typography.Text>
      </Flex>
      <Table<AuditRecord>
        rowKey="id"
        data-testid="audit-records"
        columns={columns}
        dataSource={shown}
        loading={list.isFetching && list.items.length === 0}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (r) => <AuditChanges record={r} />,
          rowExpandable: (r) => changedFields(r).length > 0,
        }}
        locale={{ emptyText: t("audit.empty") }}
      />
      <LoadMore list={list} />
    </Flex>
  );
}
