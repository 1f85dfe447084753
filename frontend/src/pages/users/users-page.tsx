import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Form, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationCreateInput } from "../../../../shared/tenancy/requests.ts";
import type { User } from "../../../../shared/tenancy/user.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { inviteUser, listUsers, patchUser } from "../../api/tenancy.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { useTenantsOfKinds } from "../../tenancy/use-tenants-of-kinds.ts";
import { InviteDialog } from "./invite-dialog.tsx";
import { UsersTable } from "./users-table.tsx";

/** The tenants the city admin manages users of. */
const MANAGED_KINDS = ["government", "assessmentAgency"] as const;

type InviteValues = Omit<InvitationCreateInput, "tenantId">;

/** 用户管理: list, invite, disable and enable users (enterprise admin; city admin for agencies). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const cityAdmin = me?.role === "cityAdmin";
  const tenantsQuery = useTenantsOfKinds(MANAGED_KINDS, cityAdmin);
  const tenants = tenantsQuery.data ?? [];
  const [tenantId, setTenantId] = useState<string>();
  const selected = tenantId ?? me?.tenantId;
  const kind = cityAdmin
    ? (tenants.find((x) => x.id === selected)?.kind ?? "government")
    : "enterprise";
  const scopeId = cityAdmin && tenantId && tenantId !== me?.tenantId ? tenantId : undefined;
  const users = useCursorList(tenancyKeys.users(scopeId), (c, cursor, signal) =>
    listUsers(c, scopeId, cursor, signal),
  );
  const [form] = Form.useForm<InviteValues>();
  const [inviting, setInviting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tenancyKeys.allUsers() });

  const invite = useMutation({
    mutationFn: (input: InviteValues) =>
      inviteUser(client, { ...input, ...(scopeId ? { tenantId: scopeId } : {}) }),
    onSuccess: () => {
      void message.success(t("tenancy.users.invited"));
      setInviting(false);
      void refresh();
    },
    onError: (error) => {
      if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
    },
  });

  /** A 412 (changed meanwhile) reads as an error too; the list is read again either way. */
  const toggle = useMutation({
    mutationFn: (user: User) =>
      patchUser(
        client,
        user,
        { status: user.status === "disabled" ? "active" : "disabled" },
        scopeId,
      ),
    onSuccess: (saved) =>
      void message.success(
        t(saved.status === "disabled" ? "tenancy.users.disabled" : "tenancy.users.enabled"),
      ),
    onError: (error) => void message.error(errorText(error, t)),
    onSettled: refresh,
  });

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
              loading={tenantsQuery.isFetching}
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
      {tenantsQuery.error && (
        <LoadError error={tenantsQuery.error} onRetry={() => void tenantsQuery.refetch()} />
      )}
      {users.error && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {!(users.error && users.items.length === 0) && (
        <UsersTable
          users={users.items}
          loading={users.isFetching}
          selfId={me?.userId}
          busyId={toggle.isPending ? toggle.variables?.userId : undefined}
          onToggle={(u) => toggle.mutate(u)}
        />
      )}
      {users.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t("tenancy.common.loadMore")}
          </Button>
        </Flex>
      )}
      <InviteDialog
        open={inviting}
        kind={kind}
        busy={invite.isPending}
        form={form}
        onCancel={() => setInviting(false)}
        onConfirm={(input) => invite.mutate(input)}
      />
    </Flex>
  );
}
