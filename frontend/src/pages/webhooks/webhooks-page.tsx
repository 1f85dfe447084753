import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Form, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EndpointCreateInput, EndpointView } from "../../../../shared/webhooks/endpoint.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
  webhookKeys,
} from "../../api/webhooks.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { DeliveriesDrawer } from "./deliveries-drawer.tsx";
import { EndpointDialog, type EndpointValues } from "./endpoint-dialog.tsx";
import { EndpointsTable } from "./endpoints-table.tsx";
import { SecretDialog } from "./secret-dialog.tsx";

/**
 * Webhook 接收地址: where the product posts its events, signed per Standard Webhooks. An
 * enterprise's admin gets its own enterprise's events; the city admin, the city's.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const list = useCursorList(webhookKeys.endpoints(), (c, cursor, signal) =>
    listEndpoints(c, cursor, signal),
  );
  const [form] = Form.useForm<EndpointValues>();
  const idempotency = useIdempotencyKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [viewing, setViewing] = useState<EndpointView>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() });
  const failed = (error: unknown) => void message.error(errorText(error, t));

  const create = useMutation({
    mutationFn: (body: EndpointCreateInput) =>
      createEndpoint(client, body, idempotency.keyFor(body)),
    onSuccess: (answer) => {
      idempotency.settle();
      setCreating(false);
      setSecret(answer.secret);
      void message.success(t("webhooks.created"));
      void refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) idempotency.settle();
      if (!showFieldErrors(form, error)) failed(error);
    },
  });
  const act = useMutation({
    mutationFn: async ({ endpoint, action }: { endpoint: EndpointView; action: string }) => {
      if (action === "rotate") setSecret((await rotateSecret(client, endpoint.id)).secret);
      else if (action === "delete") await deleteEndpoint(client, endpoint.id);
      else
        await updateEndpoint(client, endpoint, {
          status: endpoint.status === "enabled" ? "disabled" : "enabled",
        });
    },
    onSuccess: () => void message.success(t("webhooks.done")),
    onError: failed,
    onSettled: refresh,
  });
  const run = (action: string) => (endpoint: EndpointView) =>
    act.mutateAsync({ endpoint, action }).then(
      () => undefined,
      () => undefined,
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("webhooks.title")}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="webhook-create"
        >
          {t("webhooks.create")}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t("webhooks.hint")}</Typography.Text>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <EndpointsTable
        endpoints={list.items}
        loading={list.isFetching}
        busyId={act.isPending ? act.variables?.endpoint.id : undefined}
        onDeliveries={setViewing}
        onToggle={run("toggle")}
        onRotate={run("rotate")}
        onDelete={run("delete")}
      />
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("webhooks.loadMore")}
          </Button>
        </Flex>
      )}
      <EndpointDialog
        open={creating}
        busy={create.isPending}
        form={form}
        onCancel={() => setCreating(false)}
        onConfirm={(input) => create.mutate(input)}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(undefined)} />
      <DeliveriesDrawer endpoint={viewing} onClose={() => setViewing(undefined)} />
    </Flex>
  );
}
