import { Button, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { ROLE_LABELS } from "../../../../shared/tenancy/roles.ts";
import type { User } from "../../../../shared/tenancy/user.ts";
import { useLanguage } from "../../i18n/use-language.ts";

const STATUS_COLOR = { invited: "gold", active: "green", disabled: "default" } as const;
const STATUS_KEY = {
  invited: "tenancy.users.statusInvited",
  active: "tenancy.users.statusActive",
  disabled: "tenancy.users.statusDisabled",
} as const;

interface Props {
  users: readonly User[];
  loading: boolean;
  selfId: string | undefined;
  busyId: string | undefined;
  onToggle: (user: User) => void;
}

/** A tenant's users with status; disable or enable anyone but yourself. */
export function UsersTable({ users, loading, selfId, busyId, onToggle }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const columns: ColumnsType<User> = [
    {
      key: "name",
      title: t("tenancy.users.name"),
      render: (_, u) => `${u.name}${u.userId === selfId ? t("tenancy.users.you") : ""}`,
    },
    { key: "email", title: t("tenancy.users.email"), dataIndex: "email" },
    { key: "role", title: t("tenancy.users.role"), render: (_, u) => pick(ROLE_LABELS[u.role]) },
    { key: "phone", title: t("tenancy.users.phone"), render: (_, u) => u.phone ?? "—" },
    {
      key: "status",
      title: t("tenancy.common.status"),
      render: (_, u) => <Tag color={STATUS_COLOR[u.status]}>{t(STATUS_KEY[u.status])}</Tag>,
    },
    {
      key: "actions",
      title: t("tenancy.common.actions"),
      width: 110,
      render: (_, u) =>
        u.userId === selfId ? null : (
          <Button
            size="small"
            danger={u.status !== "disabled"}
            loading={busyId === u.userId}
            data-testid={`toggle-${u.email}`}
            onClick={() => onToggle(u)}
          >
            {t(u.status === "disabled" ? "tenancy.users.enable" : "tenancy.users.disable")}
          </Button>
        ),
    },
  ];
  return (
    <Table<User>
      rowKey="userId"
      data-testid="users"
      columns={columns}
      dataSource={[...users]}
      loading={loading}
      pagination={false}
      onRow={(u) => ({ "data-email": u.email }) as object}
    />
  );
}
