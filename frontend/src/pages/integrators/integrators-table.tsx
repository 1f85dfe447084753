import { Button, Popconfirm, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type {
  IntegratorClient,
  IntegratorScope,
} from "../../../../shared/tenancy/integrator-client.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { jurisdictionText } from "../../tenancy/jurisdiction-text.ts";

export const SCOPE_KEY = {
  read: "tenancy.integrators.scopeRead",
  write: "tenancy.integrators.scopeWrite",
} as const satisfies Record<IntegratorScope, string>;

const STATUS = {
  active: { color: "green", key: "tenancy.integrators.statusActive" },
  disabled: { color: "default", key: "tenancy.integrators.statusDisabled" },
} as const;

interface Props {
  integrators: readonly IntegratorClient[];
  loading: boolean;
  busyId: string | undefined;
  onToggle: (integrator: IntegratorClient) => Promise<void>;
  onRename: (integrator: IntegratorClient, name: string) => Promise<void>;
}

/**
 * A tenant's integrators: what each reads, its scopes and status; rename in place, disable or
 * enable (confirmed).
 */
export function IntegratorsTable({ integrators, loading, busyId, onToggle, onRename }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const columns: ColumnsType<IntegratorClient> = [
    {
      key: "name",
      title: t("tenancy.integrators.name"),
      render: (_, c) => (
        <Typography.Text
          editable={{
            onChange: (name) => void onRename(c, name),
            tooltip: t("tenancy.integrators.rename"),
            maxLength: 100,
            triggerType: ["icon"],
          }}
        >
          {c.name}
        </Typography.Text>
      ),
    },
    {
      key: "clientId",
      title: t("tenancy.integrators.clientId"),
      render: (_, c) => (
        <Typography.Text code copyable>
          {c.clientId}
        </Typography.Text>
      ),
    },
    {
      key: "jurisdiction",
      title: t("tenancy.integrators.jurisdiction"),
      render: (_, c) => {
        const label = jurisdictionText(c.jurisdiction);
        return label ? pick(label) : t("tenancy.integrators.ownEnterprise");
      },
    },
    {
      key: "scopes",
      title: t("tenancy.integrators.scopes"),
      render: (_, c) => c.scopes.map((s) => <Tag key={s}>{t(SCOPE_KEY[s])}</Tag>),
    },
    {
      key: "status",
      title: t("tenancy.common.status"),
      render: (_, c) => <Tag color={STATUS[c.status].color}>{t(STATUS[c.status].key)}</Tag>,
    },
    {
      key: "createdAt",
      title: t("tenancy.integrators.createdAt"),
      render: (_, c) => formatDateTime(c.createdAt),
    },
    {
      key: "actions",
      title: t("tenancy.common.actions"),
      width: 100,
      render: (_, c) => {
        const disabling = c.status !== "disabled";
        const action = t(disabling ? "tenancy.integrators.disable" : "tenancy.integrators.enable");
        return (
          <Popconfirm
            title={t(
              disabling
                ? "tenancy.integrators.disableConfirm"
                : "tenancy.integrators.enableConfirm",
            )}
            onConfirm={() => onToggle(c)}
            okText={action}
            cancelText={t("tenancy.common.cancel")}
          >
            <Button
              size="small"
              danger={disabling}
              loading={busyId === c.clientId}
              data-testid={`toggle-${c.clientId}`}
            >
              {action}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];
  return (
    <Table<IntegratorClient>
      rowKey="clientId"
      data-testid="integrators"
      columns={columns}
      dataSource={[...integrators]}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t("tenancy.integrators.empty") }}
      onRow={(c) => ({ "data-client-id": c.clientId }) as object}
    />
  );
}
