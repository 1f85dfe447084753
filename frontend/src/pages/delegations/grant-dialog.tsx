import { useQuery } from "@tanstack/react-query";
import { DatePicker, Form, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { DelegationCreateInput } from "../../../../shared/tenancy/requests.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { tenancyKeys } from "../../api/query-keys/tenancy.ts";
import { listAgencies, listOwnRiskSources } from "../../api/tenancy.ts";
import { LoadError } from "../../app/load-error.tsx";

interface GrantValues {
  agencyTenantId: string;
  riskSourceIds: string[];
  expiresOn: Dayjs;
}

interface Props {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: DelegationCreateInput) => void;
}

/** Choose an agency, some of the enterprise's own risk sources and an expiry within a year. */
export function GrantDialog({ open, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const client = useApi();
  const [form] = Form.useForm<GrantValues>();
  const agencies = useQuery({
    queryKey: tenancyKeys.agencies(),
    queryFn: ({ signal }) => listAgencies(client, signal),
    enabled: open,
  });
  const sources = useQuery({
    queryKey: registryKeys.riskSourcePicker(),
    queryFn: ({ signal }) => listOwnRiskSources(client, signal),
    enabled: open,
  });
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const confirm = async () => {
    const values = await form.validateFields();
    onConfirm({
      agencyTenantId: values.agencyTenantId,
      riskSourceIds: values.riskSourceIds,
      expiresAt: values.expiresOn.endOf("day").toISOString(),
    });
  };
  const required = { required: true, message: t("tenancy.signUp.required") };
  const today = dayjs();
  return (
    <Modal
      open={open}
      title={t("tenancy.delegations.grantTitle")}
      okText={t("tenancy.delegations.grant")}
      cancelText={t("tenancy.common.cancel")}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void confirm().catch(() => undefined)}
      destroyOnHidden
    >
      <Form<GrantValues>
        form={form}
        layout="vertical"
        name="grant"
        initialValues={{ expiresOn: today.add(90, "day"), riskSourceIds: [] }}
      >
        <Form.Item name="agencyTenantId" label={t("tenancy.delegations.agency")} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={agencies.isFetching}
            options={(agencies.data?.items ?? []).map((a) => ({
              value: a.tenantId,
              label: a.name,
            }))}
          />
        </Form.Item>
        {agencies.error && (
          <LoadError error={agencies.error} onRetry={() => void agencies.refetch()} />
        )}
        <Form.Item name="riskSourceIds" label={t("tenancy.delegations.sources")} rules={[required]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={sources.isFetching}
            options={(sources.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.place}）`,
            }))}
          />
        </Form.Item>
        {sources.error && (
          <LoadError error={sources.error} onRetry={() => void sources.refetch()} />
        )}
        <Form.Item name="expiresOn" label={t("tenancy.delegations.expiresAt")} rules={[required]}>
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => d.isBefore(today, "day") || d.isAfter(today.add(1, "year"), "day")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
