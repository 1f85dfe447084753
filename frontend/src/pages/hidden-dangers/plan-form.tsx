import { Button, Card, DatePicker, Form, Input, InputNumber } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { RectificationPlan } from "../../../../shared/hidden-dangers/hidden-danger.ts";

interface PlanValues {
  measures: string;
  funds: number;
  deadline: Dayjs;
  name: string;
  phone: string;
  emergencyPlan: string;
}

/** 整改方案“五到位”: measures, funds, deadline, responsible person, emergency plan. */
export function PlanForm({
  busy,
  onSave,
}: {
  busy: boolean;
  onSave: (plan: RectificationPlan) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t("hiddenDangers.plan.title")} size="small">
      <Form<PlanValues>
        layout="vertical"
        data-testid="plan-form"
        onFinish={(v) =>
          onSave({
            measures: v.measures,
            funds: v.funds,
            deadline: v.deadline.format("YYYY-MM-DD"),
            responsiblePerson: { name: v.name, phone: v.phone },
            emergencyPlan: v.emergencyPlan,
          })
        }
      >
        <Form.Item
          name="measures"
          label={t("hiddenDangers.plan.measures")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} data-testid="plan-measures" />
        </Form.Item>
        <Form.Item name="funds" label={t("hiddenDangers.plan.funds")} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 200 }} data-testid="plan-funds" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t("hiddenDangers.plan.deadline")}
          rules={[{ required: true }]}
        >
          <DatePicker data-testid="plan-deadline" />
        </Form.Item>
        <Form.Item name="name" label={t("hiddenDangers.plan.person")} rules={[{ required: true }]}>
          <Input data-testid="plan-person" />
        </Form.Item>
        <Form.Item name="phone" label={t("hiddenDangers.plan.phone")} rules={[{ required: true }]}>
          <Input data-testid="plan-phone" />
        </Form.Item>
        <Form.Item
          name="emergencyPlan"
          label={t("hiddenDangers.plan.emergencyPlan")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} data-testid="plan-emergency" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-save">
          {t("hiddenDangers.plan.save")}
        </Button>
      </Form>
    </Card>
  );
}
