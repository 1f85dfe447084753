import { useQuery } from "@tanstack/react-query";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { CATEGORY_LABELS } from "../../../shared/readiness/resource.ts";
import { useApi } from "../api/api-context.tsx";
import { nearestResources, readinessKeys } from "../api/readiness.ts";
import { LoadError } from "../app/load-error.tsx";
import { useLanguage } from "../i18n/use-language.ts";

/**
 * 就近应急资源: the emergency resources nearest a risk source by distance, those the reader may
 * see (its enterprise's, the city's, and for officials others' in their jurisdiction). Shown on
 * the source's page and in each of its warnings.
 */
export function NearestResourcesTable({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const nearest = useQuery({
    queryKey: readinessKeys.nearest(sourceId),
    queryFn: ({ signal }) => nearestResources(client, sourceId, signal),
  });
  if (nearest.error) {
    return <LoadError error={nearest.error} onRetry={() => void nearest.refetch()} />;
  }
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      loading={nearest.isLoading}
      dataSource={nearest.data?.items ?? []}
      locale={{ emptyText: t("readiness.noNearest") }}
      scroll={{ x: true }}
      columns={[
        { title: t("readiness.distance"), render: (_, r) => r.distanceKm.toFixed(2) },
        { title: t("readiness.category"), render: (_, r) => pick(CATEGORY_LABELS[r.category]) },
        { title: t("readiness.name"), dataIndex: "name" },
        { title: t("readiness.quantity"), render: (_, r) => `${r.quantity} ${r.unit}` },
        { title: t("readiness.contact"), render: (_, r) => `${r.contact.name} ${r.contact.phone}` },
      ]}
    />
  );
}
