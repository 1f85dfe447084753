import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getDistrict } from "../../../../shared/catalogs/districts.ts";
import { getIndustry } from "../../../../shared/catalogs/industries.ts";
import type { DecisionInput } from "../../../../shared/tenancy/requests.ts";
import type { Tenant } from "../../../../shared/tenancy/tenant.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { decideSignup, listSignups } from "../../api/tenancy.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { DecisionDialog } from "../../app/decision-dialog.tsx";
import { LoadError } from "../../app/load-error.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDateTime } from "../../registry/dates.ts";

/** 注册审批: officials approve or reject enterprise sign-ups in their jurisdiction. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const queue = useCursorList(tenancyKeys.signups(), listSignups);
  const [pending, setPending] = useState<{ tenant: Tenant; decision: DecisionInput["decision"] }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: tenancyKeys.signups() });

  /** A sign-up decided elsewhere meanwhile (404, 409, 412) is said so and the queue re-read. */
  const decide = useMutation({
    mutationFn: (args: { tenant: Tenant; input: DecisionInput }) =>
      decideSignup(client, args.tenant, args.input),
    onSuccess: (_, { input }) => {
      void message.success(
        t(
          input.decision === "approve"
            ? "tenancy.approvals.approved"
            : "tenancy.approvals.rejected",
        ),
      );
      setPending(undefined);
      void refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && [404, 409, 412].includes(error.status)) {
        void message.warning(t("tenancy.common.conflict"));
        setPending(undefined);
        void refresh();
      } else {
        void message.error(errorText(error, t));
      }
    },
  });

  const columns: ColumnsType<Tenant> = [
    { key: "name", title: t("tenancy.approvals.enterprise"), dataIndex: "name" },
    { key: "uscc", title: t("tenancy.approvals.uscc"), dataIndex: "uscc", width: 190 },
    {
      key: "place",
      title: t("tenancy.approvals.place"),
      render: (_, s) => {
        const district = s.district ? getDistrict(s.district) : undefined;
        return `${district ? pick(district.name) : (s.district ?? "")} ${s.street ?? ""}`;
      },
    },
    {
      key: "industry",
      title: t("tenancy.approvals.industry"),
      render: (_, s) => {
        const industry = s.industry ? getIndustry(s.industry) : undefined;
        return industry ? pick(industry.name) : s.industry;
      },
    },
    {
      key: "applicant",
      title: t("tenancy.approvals.applicant"),
      render: (_, s) => (s.applicant ? `${s.applicant.name} <${s.applicant.email}>` : "—"),
    },
    {
      key: "at",
      title: t("tenancy.approvals.submittedAt"),
      width: 150,
      render: (_, s) => formatDateTime(s.updatedAt),
    },
    {
      key: "actions",
      title: t("tenancy.common.actions"),
      width: 160,
      render: (_, tenant) => (
        <Space>
          <Button
            type="primary"
            size="small"
            onClick={() => setPending({ tenant, decision: "approve" })}
          >
            {t("tenancy.approvals.approve")}
          </Button>
          <Button danger size="small" onClick={() => setPending({ tenant, decision: "reject" })}>
            {t("tenancy.approvals.reject")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("tenancy.approvals.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("tenancy.approvals.hint")}</Typography.Text>
      {queue.error && <LoadError error={queue.error} onRetry={() => void queue.refetch()} />}
      {!(queue.error && queue.items.length === 0) && (
        <Table<Tenant>
          rowKey="id"
          data-testid="approvals"
          columns={columns}
          dataSource={queue.items}
          loading={queue.isFetching}
          pagination={false}
          locale={{ emptyText: t("tenancy.approvals.empty") }}
          onRow={(tenant) => ({ "data-tenant-id": tenant.id }) as object}
        />
      )}
      {queue.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            {t("tenancy.common.loadMore")}
          </Button>
        </Flex>
      )}
      <DecisionDialog
        decision={pending?.decision}
        subject={pending?.tenant.name ?? ""}
        texts="tenancy.approvals"
        busy={decide.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => pending && decide.mutate({ tenant: pending.tenant, input })}
      />
    </Flex>
  );
}
