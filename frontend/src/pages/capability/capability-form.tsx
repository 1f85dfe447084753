import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import {
  ANSWERS,
  type CapabilityAnswer,
  type CapabilityChecklist,
  DIMENSION_LABELS,
} from "../../../../shared/readiness/capability.ts";
import { useApi } from "../../api/api-context.tsx";
import { type CapabilityInput, capabilityKeys, createAssessment } from "../../api/capability.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";

interface FormValues {
  assessedOn: Dayjs;
  assessor: string;
  notes?: string;
  answers: Record<string, CapabilityAnswer>;
}

/** The checklist version in force, one row per item, every item answered before it is sent. */
export function CapabilityForm(props: { checklist: CapabilityChecklist; onDone: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const client = useApi();
  const queries = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { keyFor, settle } = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: CapabilityInput = {
        checklistId: props.checklist.id,
        checklistVersion: props.checklist.version,
        assessedOn: v.assessedOn.format("YYYY-MM-DD"),
        assessor: v.assessor,
        notes: v.notes ?? "",
        answers: v.answers,
      };
      return createAssessment(client, body, keyFor(body));
    },
    onSuccess: () => {
      settle();
      void message.success(t("capability.saved"));
      void queries.invalidateQueries({ queryKey: capabilityKeys.all() });
      props.onDone();
    },
  });
  return (
    <Card size="small" title={`${t("capability.checklist")} v${props.checklist.version}`}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ assessedOn: dayjs() }}
        onFinish={(v) => save.mutate(v)}
        data-testid="capability-form"
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="assessedOn"
            label={t("capability.assessedOn")}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="assessor" label={t("capability.assessor")} rules={[{ required: true }]}>
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
        </Flex>
        {props.checklist.dimensions.map(({ dimension, items }) => (
          <div key={dimension}>
            <Typography.Title level={5}>{pick(DIMENSION_LABELS[dimension])}</Typography.Title>
            {items.map((item) => (
              <Form.Item
                key={item.id}
                name={["answers", item.id]}
                label={pick(item.label)}
                rules={[{ required: true, message: t("capability.answerRequired") }]}
              >
                <Radio.Group
                  optionType="button"
                  data-testid={`answer-${item.id}`}
                  options={ANSWERS.map((a) => ({ value: a, label: t(`capability.answers.${a}`) }))}
                />
              </Form.Item>
            ))}
          </div>
        ))}
        <Form.Item name="notes" label={t("capability.notes")}>
          <Input.TextArea maxLength={4000} rows={3} />
        </Form.Item>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="capability-submit"
          >
            {t("capability.submit")}
          </Button>
          <Button onClick={props.onDone}>{t("capability.cancel")}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
