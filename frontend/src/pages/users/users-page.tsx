import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Select, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationCreateInput } from "../../../../shared/tenancy/requests.ts";
import type { User } from "../../../../shared/tenancy/user.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import type { HttpClient } from "../../api/http-client.ts";
import { inviteUser, listUsers, patchUser } from "../../api/tenancy.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { usePagedList } from "../../tenancy/use-paged-list.ts";
import { useTenantsOfKinds } from "../../tenancy/use-tenants-of-kinds.ts";
import { InviteDialog } from "./invite-dialog.tsx";
import { UsersTable } from "./users-table.tsx";

/** The tenants the city admin manages users of. */
const MANAGED_KINDS = ["government", "assessmentAgency"] as const;

/** 用户管理: list, invite, disable and enable users (enterprise admin; city admin for agencies). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const cityAdmin = me?.role === "cityAdmin";
  const tenants = useTenantsOfKinds(MANAGED_KINDS, cityAdmin);
  const [tenantId, setTenantId] = useState<string>();
  const selected = tenantId ?? me?.tenantId;
  const kind = cityAdmin
    ? (tenants.find((x) => x.id === selected)?.kind ?? "government")
    : "enterprise";
  const scopeId = cityAdmin && tenantId && tenantId !== me?.tenantId ? tenantId : undefined;
  const load = useCallback(
    (c: HttpClient, cursor: string | undefined) => listUsers(c, scopeId, cursor),
    [scopeId],
  );
  const users = usePagedList(load);
  const [form] = Form.useForm<Omit<InvitationCreateInput, "tenantId">>();
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [busyId, setBusyId] = useState<string>();

  const invite = async (input: Omit<InvitationCreateInput, "tenantId">) => {
    setBusy(true);
    try {
      await inviteUser(client, { ...input, ...(scopeId ? { tenantId: scopeId } : {}) });
      void message.success(t("tenancy.users.invited"));
      setInviting(false);
      users.reload();
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (user: User) => {
    setBusyId(user.userId);
    try {
      const status = user.status === "disabled" ? "active" : "disabled";
      await patchUser(client, user, { status }, scopeId);
      void message.success(
        t(status === "disabled" ? "tenancy.users.disabled" : "tenancy.users.enabled"),
      );
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusyId(undefined);
      users.reload();
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("tenancy.users.title")}
        </Typography.Title>
        <Flex gap={12} align="center">
          {cityAdmin && (
            <Select
              style={{ minWidth: 280 }}
              value={selected}
              onChange={setTenantId}
              aria-label={t("tenancy.users.tenant")}
              options={tenants.map((x) => ({ value: x.id, label: x.name }))}
            />
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setInviting(true)}
            data-testid="invite"
          >
            {t("tenancy.users.invite")}
          </Button>
        </Flex>
      </Flex>
      <UsersTable
        users={users.items}
        loading={users.loading}
        selfId={me?.userId}
        busyId={busyId}
        onToggle={(u) => void toggle(u)}
      />
      {users.hasMore && (
        <Flex justify="center">
          <Button onClick={users.loadMore}>{t("tenancy.common.loadMore")}</Button>
        </Flex>
      )}
      <InviteDialog
        open={inviting}
        kind={kind}
        busy={busy}
        form={form}
        onCancel={() => setInviting(false)}
        onConfirm={(input) => void invite(input)}
      />
    </Flex>
  );
}
