import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Flex, Form } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type RiskSource,
  type RiskSourceUpdateInput,
  RiskSourceUpdateInputSchema,
} from "../../../../shared/risk/risk-source.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { type Tagged, updateRiskSource } from "../../api/registry/risk-sources.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import {
  changedFieldNames,
  fieldErrorsFromApi,
  validateWith,
} from "../../registry/risk-source-form/field-errors.ts";
import {
  toRiskSourceInput,
  valuesFromSource,
} from "../../registry/risk-source-form/form-values.ts";
import { RiskSourceFields } from "../../registry/risk-source-form/risk-source-fields.tsx";

interface Props {
  open: boolean;
  source: Tagged<RiskSource>;
  onClose: () => void;
  onSaved: () => void;
  /** Reads the source again after a 412, so the form starts from what is stored now. */
  onReload: () => void;
}

/** Only the fields that differ from the stored source are sent. */
function changedFields(
  input: Record<string, unknown>,
  source: RiskSource,
): Record<string, unknown> {
  const stored = source as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(input).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(stored[key]),
    ),
  );
}

/**
 * Edits a source with `If-Match` set to the ETag it was read with; a 412 means someone else saved
 * first, and the drawer says so instead of overwriting their change.
 */
export function EditDrawer({ open, source, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const client = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const saving = useMutation({
    mutationFn: (patch: RiskSourceUpdateInput) =>
      updateRiskSource(client, source.value.id, patch, source.etag),
    onSuccess: (next) => {
      queryClient.setQueryData(registryKeys.riskSource(next.value.id), next);
      void queryClient.invalidateQueries({ queryKey: registryKeys.riskSources() });
      void message.success(t("registry.detail.saved"));
      onSaved();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) setConflict(true);
      else {
        if (error instanceof ApiError) form.setFields(fieldErrorsFromApi(error.problem?.errors));
        void message.error(errorText(error, t));
      }
    },
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(valuesFromSource(source.value));
    setConflict(false);
  }, [open, source, form]);

  const save = () => {
    const checked = validateWith(
      RiskSourceUpdateInputSchema,
      toRiskSourceInput(form.getFieldsValue(true)),
      language,
      t("registry.form.required"),
    );
    if (!checked.ok) {
      form.setFields(checked.fields);
      void message.error(checked.general[0] ?? t("registry.form.fixErrors"));
      return;
    }
    const patch = changedFields(checked.data, source.value);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    saving.mutate(patch as RiskSourceUpdateInput);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={960}
      title={t("registry.detail.editTitle")}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t("registry.common.cancel")}</Button>
          <Button
            type="primary"
            loading={saving.isPending}
            onClick={save}
            data-testid="save-risk-source"
          >
            {t("registry.common.save")}
          </Button>
        </Flex>
      }
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="edit-conflict"
          title={t("registry.detail.conflictTitle")}
          description={t("registry.detail.conflictText")}
          action={
            <Button size="small" onClick={onReload}>
              {t("registry.detail.conflictReload")}
            </Button>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: object) =>
          form.setFields(changedFieldNames(changed).map((name) => ({ name, errors: [] })))
        }
      >
        <RiskSourceFields />
      </Form>
    </Drawer>
  );
}
