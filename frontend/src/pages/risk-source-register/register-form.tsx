import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { getIdentificationItem } from "../../../../shared/catalogs/identification-lists/index.ts";
import {
  type RiskSourceCreateInput,
  RiskSourceCreateInputSchema,
} from "../../../../shared/risk/risk-source.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { createRiskSource } from "../../api/registry/risk-sources.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import {
  changedFieldNames,
  fieldErrorsFromApi,
  validateWith,
} from "../../registry/risk-source-form/field-errors.ts";
import {
  type RiskSourceFormValues,
  toRiskSourceInput,
} from "../../registry/risk-source-form/form-values.ts";
import { RiskSourceFields } from "../../registry/risk-source-form/risk-source-fields.tsx";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";

interface Props {
  initialValues: RiskSourceFormValues;
  onBack: () => void;
}

/**
 * Step 2: the fields of RiskSourceCreateInputSchema, checked in the browser with that same schema
 * before sending; the API's own field messages land on the same fields if it disagrees.
 */
export function RegisterForm({ initialValues, onBack }: Props) {
  const { t } = useTranslation();
  const { language, pick } = useLanguage();
  const client = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const submitting = useMutation({
    mutationFn: (input: RiskSourceCreateInput) =>
      createRiskSource(client, input, idempotency.keyFor(input)),
    onSuccess: (created) => {
      idempotency.settle();
      void queryClient.invalidateQueries({ queryKey: registryKeys.riskSources() });
      void message.success(t("registry.register.created"));
      navigate(riskSourceLinks.detail(created.id));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) {
        idempotency.settle();
        form.setFields(fieldErrorsFromApi(error.problem?.errors));
      }
      void message.error(errorText(error, t));
    },
  });
  const item = initialValues.identificationItemId
    ? getIdentificationItem(initialValues.identificationItemId)
    : undefined;

  const submit = () => {
    const checked = validateWith(
      RiskSourceCreateInputSchema,
      toRiskSourceInput(form.getFieldsValue(true)),
      language,
      t("registry.form.required"),
    );
    if (!checked.ok) {
      form.setFields(checked.fields);
      void message.error(checked.general[0] ?? t("registry.form.fixErrors"));
      return;
    }
    submitting.mutate(checked.data);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      data-testid="register-form"
      onValuesChange={(changed: object) =>
        // A field the user touches loses its old message until the next check.
        form.setFields(changedFieldNames(changed).map((name) => ({ name, errors: [] })))
      }
    >
      {item && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("registry.register.fromItem", {
            list: pick(item.list.name),
            item: `${item.item.place} · ${item.item.riskSource}`,
          })}
        />
      )}
      <RiskSourceFields />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onBack}>{t("registry.register.changeItem")}</Button>
        <Button
          type="primary"
          loading={submitting.isPending}
          onClick={submit}
          data-testid="submit-risk-source"
        >
          {t("registry.register.submit")}
        </Button>
      </Flex>
    </Form>
  );
}
