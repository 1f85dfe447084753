import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Form, Select, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type IntegratorClient,
  type IntegratorCreated,
  type IntegratorCreateInput,
  type IntegratorPatchInput,
  IntegratorPatchInputSchema,
} from "../../../../shared/tenancy/integrator-client.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { listIntegrators, patchIntegrator, registerIntegrator } from "../../api/tenancy.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { useTenantsOfKinds } from "../../tenancy/use-tenants-of-kinds.ts";
import { IntegratorsTable } from "./integrators-table.tsx";
import { RegisterDialog, type RegisterValues } from "./register-dialog.tsx";
import { SecretDialog } from "./secret-dialog.tsx";

/** The government bodies the city admin registers integrators for. */
const GOVERNMENT = ["government"] as const;

/**
 * 对接系统: the OAuth2 client-credentials clients other platforms and enterprises' own systems
 * call the API with. An enterprise admin registers their own; the city admin a government body's.
 */
export function IntegratorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const cityAdmin = me?.role === "cityAdmin";
  const queryClient = useQueryClient();
  const governmentsQuery = useTenantsOfKinds(GOVERNMENT, cityAdmin);
  const governments = governmentsQuery.data ?? [];
  const [tenantId, setTenantId] = useState<string>();
  const selected = tenantId ?? me?.tenantId;
  const scopeOf = useCallback(
    (id: string | undefined) => (cityAdmin && id && id !== me?.tenantId ? id : undefined),
    [cityAdmin, me?.tenantId],
  );
  const scopeId = scopeOf(tenantId);
  const list = useCursorList(tenancyKeys.integrators(scopeId), (c, cursor, signal) =>
    listIntegrators(c, scopeId, cursor, signal),
  );
  const [form] = Form.useForm<RegisterValues>();
  const idempotency = useIdempotencyKey();
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<IntegratorCreated>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: tenancyKeys.allIntegrators() });

  const register = useMutation({
    mutationFn: (body: IntegratorCreateInput) =>
      registerIntegrator(client, body, idempotency.keyFor(body)),
    onSuccess: (answer) => {
      idempotency.settle();
      void message.success(t("tenancy.integrators.registered"));
      setRegistering(false);
      setCreated(answer);
      void refresh();
      if (cityAdmin && answer.tenantId !== selected) setTenantId(answer.tenantId);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) idempotency.settle();
      if (!showFieldErrors(form, error)) void message.error(errorText(error, t));
    },
  });

  const submit = (input: IntegratorCreateInput) => {
    // The city admin's own tenant is the default, so it is not named (as the users page does).
    const { tenantId: named, ...rest } = input;
    const target = scopeOf(named);
    register.mutate(target ? { ...rest, tenantId: target } : rest);
  };

  /** One PATCH with If-Match; a 412 says someone changed it meanwhile, and the re-read shows it. */
  const patch = useMutation({
    mutationFn: (args: {
      integrator: IntegratorClient;
      input: IntegratorPatchInput;
      done:
        | "tenancy.integrators.disabled"
        | "tenancy.integrators.enabled"
        | "tenancy.integrators.renamed";
    }) => patchIntegrator(client, args.integrator, args.input, scopeId),
    onSuccess: (_, { done }) => void message.success(t(done)),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void message.warning(errorText(error, t));
      else void message.error(errorText(error, t));
    },
    onSettled: refresh,
  });
  const change = (
    integrator: IntegratorClient,
    input: IntegratorPatchInput,
    done: Parameters<typeof patch.mutate>[0]["done"],
  ) =>
    patch.mutateAsync({ integrator, input, done }).then(
      () => undefined,
      () => undefined,
    );

  const toggle = (integrator: IntegratorClient) => {
    const status = integrator.status === "disabled" ? "active" : "disabled";
    return change(
      integrator,
      { status },
      status === "disabled" ? "tenancy.integrators.disabled" : "tenancy.integrators.enabled",
    );
  };

  const rename = async (integrator: IntegratorClient, name: string) => {
    const parsed = IntegratorPatchInputSchema.safeParse({ name });
    if (!parsed.success || name.trim() === integrator.name) return;
    await change(integrator, parsed.data, "tenancy.integrators.renamed");
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("tenancy.integrators.title")}
        </Typography.Title>
        <Flex gap={12} align="center">
          {cityAdmin && (
            <Select
              style={{ minWidth: 280 }}
              value={selected}
              onChange={setTenantId}
              loading={governmentsQuery.isFetching}
              aria-label={t("tenancy.integrators.tenant")}
              data-testid="integrators-tenant"
              options={governments.map((g) => ({ value: g.id, label: g.name }))}
            />
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="register-integrator"
          >
            {t("tenancy.integrators.register")}
          </Button>
        </Flex>
      </Flex>
      <Typography.Text type="secondary">{t("tenancy.integrators.hint")}</Typography.Text>
      {governmentsQuery.error && (
        <LoadError error={governmentsQuery.error} onRetry={() => void governmentsQuery.refetch()} />
      )}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {!(list.error && list.items.length === 0) && (
        <IntegratorsTable
          integrators={list.items}
          loading={list.isFetching}
          busyId={patch.isPending ? patch.variables?.integrator.clientId : undefined}
          onToggle={toggle}
          onRename={rename}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("tenancy.common.loadMore")}
          </Button>
        </Flex>
      )}
      <RegisterDialog
        open={registering}
        busy={register.isPending}
        form={form}
        governments={cityAdmin ? governments : undefined}
        tenantId={selected}
        onCancel={() => setRegistering(false)}
        onConfirm={submit}
      />
      <SecretDialog created={created} onClose={() => setCreated(undefined)} />
    </Flex>
  );
}
