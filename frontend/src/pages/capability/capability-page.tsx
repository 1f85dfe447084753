import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Skeleton, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  type CapabilityAssessment,
  DIMENSION_LABELS,
} from "../../../../shared/readiness/capability.ts";
import { checklistInForce } from "../../../../shared/readiness/capability-checklists.ts";
import { useApi } from "../../api/api-context.tsx";
import { capabilityKeys, listAssessments, listChecklists } from "../../api/capability.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { LoadMore } from "../../app/load-more.tsx";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { ENTERPRISE_ROLES, hasRole } from "../../registry/access.ts";
import { CapabilityForm } from "./capability-form.tsx";
import { CapabilityResult } from "./capability-result.tsx";

/**
 * 应急能力评估: the enterprise answers the checklist and sees its scores, weakest dimension
 * first, with its history; an official opens an enterprise's from the directory (`?tenant=`).
 */
export function CapabilityPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const [params] = useSearchParams();
  const enterprise = hasRole(me?.role, ENTERPRISE_ROLES);
  const tenantId = enterprise ? undefined : (params.get("tenant") ?? undefined);
  const [assessing, setAssessing] = useState(false);
  const checklists = useQuery({
    queryKey: capabilityKeys.checklists(),
    queryFn: ({ signal }) => listChecklists(client, signal),
  });
  const history = useCursorList(
    capabilityKeys.history(tenantId ?? "own"),
    (c, cursor, signal) => listAssessments(c, tenantId, cursor, signal),
    { enabled: enterprise || tenantId !== undefined },
  );
  const latest = history.items[0];
  const checklistOf = (a: CapabilityAssessment) =>
    checklists.data?.items.find((c) => c.id === a.checklistId && c.version === a.checklistVersion);
  // A version published ahead of its date is not offered before it.
  const current = checklists.data
    ? checklistInForce(dayjs().format("YYYY-MM-DD"), checklists.data.items)
    : undefined;

  if (!enterprise && tenantId === undefined) {
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("capability.title")}
        </Typography.Title>
        <Typography.Text data-testid="capability-choose">
          {t("capability.chooseEnterprise")}{" "}
          <Link to={paths.enterprises}>{t("capability.directory")}</Link>
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("capability.title")}
          {latest && !enterprise ? ` · ${latest.enterpriseName}` : ""}
        </Typography.Title>
        {enterprise && current && !assessing && (
          <Button type="primary" onClick={() => setAssessing(true)} data-testid="capability-start">
            {t("capability.start")}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t("capability.hint")}</Typography.Text>
      {checklists.error && (
        <LoadError error={checklists.error} onRetry={() => void checklists.refetch()} />
      )}
      {history.error && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {assessing && current && (
        <CapabilityForm checklist={current} onDone={() => setAssessing(false)} />
      )}
      {history.isLoading ? (
        <Skeleton active />
      ) : latest ? (
        <CapabilityResult assessment={latest} checklist={checklistOf(latest)} />
      ) : (
        <Typography.Text data-testid="capability-empty">{t("capability.empty")}</Typography.Text>
      )}
      {history.items.length > 0 && (
        <Card size="small" title={t("capability.history")}>
          <Table<CapabilityAssessment>
            data-testid="capability-history"
            rowKey="id"
            size="small"
            dataSource={history.items}
            pagination={false}
            columns={[
              { title: t("capability.assessedOn"), dataIndex: "assessedOn" },
              { title: t("capability.assessor"), dataIndex: "assessor" },
              {
                title: t("capability.overall"),
                render: (_, a) => (a.overall === null ? "—" : a.overall),
              },
              {
                title: t("capability.weakest"),
                render: (_, a) => {
                  const weakest = a.dimensions[0];
                  return weakest && weakest.score !== null
                    ? `${pick(DIMENSION_LABELS[weakest.dimension])} ${weakest.score}`
                    : "—";
                },
              },
              {
                title: t("capability.checklistVersion"),
                render: (_, a) => `v${a.checklistVersion}`,
              },
            ]}
          />
          <LoadMore list={history} />
        </Card>
      )}
    </Flex>
  );
}
