import { FileAddOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type {
  IdentificationItem,
  IdentificationList,
} from "../../../../shared/catalogs/identification-lists/list-schema.ts";
import type { IndustryId } from "../../../../shared/catalogs/industries.ts";
import { useApi } from "../../api/api-context.tsx";
import { STATIC_DATA_MS } from "../../api/query-client.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchIdentificationLists } from "../../api/registry/enterprise.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { accidentTypeName, INDUSTRY_OPTIONS } from "../../registry/catalog-labels.ts";

interface Props {
  industry: IndustryId | undefined;
  onIndustryChange: (industry: IndustryId) => void;
  onPick: (item: IdentificationItem) => void;
  onBlank: () => void;
}

/** Step 1: the industry's 风险源辨识建议清单, one row per suggested source, or a blank start. */
export function IdentificationPicker({ industry, onIndustryChange, onPick, onBlank }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const {
    data: lists,
    isLoading,
    error,
    refetch,
  } = useQuery({
    queryKey: registryKeys.identificationLists(industry),
    queryFn: ({ signal }) =>
      industry ? fetchIdentificationLists(client, industry, signal) : Promise.resolve([]),
    enabled: industry !== undefined,
    staleTime: STATIC_DATA_MS,
  });
  return (
    <Flex vertical gap={16} data-testid="identification-picker">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("registry.register.pickHint")}
      </Typography.Paragraph>
      <Flex justify="space-between" wrap gap={8}>
        <Space>
          <Typography.Text>{t("registry.register.industryLabel")}</Typography.Text>
          <Select
            style={{ minWidth: 220 }}
            value={industry}
            onChange={onIndustryChange}
            data-testid="identification-industry"
            options={INDUSTRY_OPTIONS.map((o) => ({ value: o.id, label: pick(o.name) }))}
            showSearch={{ optionFilterProp: "label" }}
          />
        </Space>
        <Button icon={<FileAddOutlined />} onClick={onBlank} data-testid="start-blank">
          {t("registry.register.startBlank")}
        </Button>
      </Flex>
      {error ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : isLoading ? (
        <Skeleton active />
      ) : lists && lists.length > 0 ? (
        lists.map((list) => <ListCard key={list.id} list={list} onPick={onPick} />)
      ) : (
        <Empty description={t("registry.register.noLists")} />
      )}
    </Flex>
  );
}

function ListCard({
  list,
  onPick,
}: {
  list: IdentificationList;
  onPick: (item: IdentificationItem) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const columns: ColumnsType<IdentificationItem> = [
    { key: "place", title: t("registry.fields.place"), dataIndex: "place", width: 120 },
    { key: "riskSource", title: t("registry.fields.name"), dataIndex: "riskSource", width: 200 },
    {
      key: "criterion",
      title: t("registry.register.criterion"),
      render: (_, item) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
          {item.criterion}
        </Typography.Paragraph>
      ),
    },
    {
      key: "consequences",
      title: t("registry.register.consequences"),
      render: (_, item) => item.consequences.text,
    },
    {
      key: "accidentTypes",
      title: t("registry.fields.accidentTypes"),
      width: 160,
      render: (_, item) => (
        <Space wrap size={4}>
          {item.accidentTypes.map((id) => (
            <Tag key={id}>{pick(accidentTypeName(id))}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: "use",
      width: 110,
      render: (_, item) => (
        <Button type="link" onClick={() => onPick(item)} data-testid={`use-item-${item.id}`}>
          {t("registry.register.use")}
        </Button>
      ),
    },
  ];
  return (
    <Card title={pick(list.name)} size="small" data-list={list.id}>
      <Table<IdentificationItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        pagination={false}
      />
    </Card>
  );
}
