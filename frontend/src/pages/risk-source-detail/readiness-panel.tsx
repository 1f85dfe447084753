import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Drill, EmergencyPlan } from "../../../../shared/readiness/plan.ts";
import { useApi } from "../../api/api-context.tsx";
import { openFetchedLink } from "../../api/open-fetched-link.ts";
import {
  createDrill,
  createPlan,
  listDrills,
  planDocumentLink,
  planOf,
  readinessKeys,
  uploadPlanDocument,
} from "../../api/readiness.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import { NearestResourcesTable } from "../../readiness/nearest-resources-table.tsx";
import { districtName } from "../../registry/catalog-labels.ts";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";

/**
 * 应急准备 on a source's page: the nearest emergency resources by distance, its one-to-one plan
 * (shared with its street and district) and its drills. `keeps`: the enterprise may add to them.
 */
export function ReadinessPanel({ sourceId, keeps }: { sourceId: string; keeps: boolean }) {
  const { t } = useTranslation();
  const client = useApi();
  const plan = useQuery({
    queryKey: readinessKeys.plan(sourceId),
    queryFn: ({ signal }) => planOf(client, sourceId, signal),
  });
  const drills = useQuery({
    queryKey: readinessKeys.drills(sourceId),
    queryFn: ({ signal }) => listDrills(client, sourceId, signal),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t("readiness.nearestTitle")} data-testid="nearest-resources">
          <NearestResourcesTable sourceId={sourceId} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <PlanCard sourceId={sourceId} plan={plan.data ?? null} keeps={keeps} />
        <DrillsCard sourceId={sourceId} drills={drills.data?.items ?? []} keeps={keeps} />
      </Col>
    </Row>
  );
}

function PlanCard({
  sourceId,
  plan,
  keeps,
}: {
  sourceId: string;
  plan: EmergencyPlan | null;
  keeps: boolean;
}) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const refresh = () => void queries.invalidateQueries({ queryKey: readinessKeys.plan(sourceId) });
  const make = useMutation({
    mutationFn: (v: {
      title: string;
      issuedOn: Dayjs;
      scenarios: string;
      keyMeasures: string;
      name: string;
      phone: string;
    }) =>
      createPlan(client, {
        riskSourceId: sourceId,
        title: v.title,
        issuedOn: v.issuedOn.format("YYYY-MM-DD"),
        scenarios: v.scenarios
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean),
        keyMeasures: v.keyMeasures,
        commander: { name: v.name, phone: v.phone },
      }),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  return (
    <Card
      title={t("readiness.planTitle")}
      data-testid="emergency-plan"
      style={{ marginBottom: 16 }}
    >
      {plan ? (
        <>
          <Typography.Paragraph strong>{plan.title}</Typography.Paragraph>
          <Typography.Paragraph>
            {t("readiness.issuedOn")}: {plan.issuedOn} · {t("readiness.commander")}:{" "}
            {plan.commander.name} {plan.commander.phone}
          </Typography.Paragraph>
          <Typography.Paragraph>{plan.scenarios.join("、")}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t("readiness.sharedWith")}: {pick(districtName(plan.sharedWith.district))}{" "}
            {plan.sharedWith.street}
          </Typography.Paragraph>
          {plan.document && (
            <Button
              onClick={() =>
                void openFetchedLink(async () => (await planDocumentLink(client, plan.id)).url)
              }
            >
              {t("readiness.openDocument")}
            </Button>
          )}
          {keeps && (
            <Upload
              accept=".pdf,.doc,.docx"
              showUploadList={false}
              beforeUpload={(file) => {
                void uploadPlanDocument(client, plan.id, file).then(refresh);
                return false;
              }}
            >
              <Button>{t("readiness.uploadDocument")}</Button>
            </Upload>
          )}
        </>
      ) : (
        <>
          <Typography.Paragraph type="warning">{t("readiness.noPlan")}</Typography.Paragraph>
          {keeps && <Button onClick={() => setOpen(true)}>{t("readiness.makePlan")}</Button>}
        </>
      )}
      <Modal
        open={open}
        title={t("readiness.makePlan")}
        okText={t("readiness.save")}
        cancelText={t("readiness.cancel")}
        confirmLoading={make.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => make.mutate(v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="title"
            label={t("readiness.planTitleField")}
            rules={[{ required: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t("readiness.issuedOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="scenarios" label={t("readiness.scenarios")} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="keyMeasures"
            label={t("readiness.keyMeasures")}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="name" label={t("readiness.commander")} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t("readiness.phone")} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function DrillsCard({
  sourceId,
  drills,
  keeps,
}: {
  sourceId: string;
  drills: Drill[];
  keeps: boolean;
}) {
  const { t } = useTranslation();
  const client = useApi();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { keyFor, settle } = useIdempotencyKey();
  const record = useMutation({
    mutationFn: (v: {
      heldOn: Dayjs;
      scenario: string;
      kind: Drill["kind"];
      count: number;
      units?: string;
      findings?: string;
    }) => {
      const body = {
        riskSourceId: sourceId,
        heldOn: v.heldOn.format("YYYY-MM-DD"),
        scenario: v.scenario,
        kind: v.kind,
        participants: {
          count: v.count,
          units: (v.units ?? "")
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
        findings: v.findings ?? "",
      };
      return createDrill(client, body, keyFor(body));
    },
    onSuccess: () => {
      settle();
      setOpen(false);
      void queries.invalidateQueries({ queryKey: readinessKeys.drills(sourceId) });
    },
  });
  return (
    <Card
      title={t("readiness.drillsTitle")}
      data-testid="drills"
      extra={keeps && <Button onClick={() => setOpen(true)}>{t("readiness.recordDrill")}</Button>}
    >
      <Table<Drill>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={drills}
        locale={{ emptyText: t("readiness.noDrills") }}
        columns={[
          { title: t("readiness.heldOn"), dataIndex: "heldOn" },
          { title: t("readiness.scenario"), dataIndex: "scenario" },
          {
            title: t("readiness.drillKind"),
            render: (_, d) => t(`readiness.drillKinds.${d.kind}`),
          },
          { title: t("readiness.participants"), render: (_, d) => d.participants.count },
          { title: t("readiness.findings"), dataIndex: "findings" },
        ]}
      />
      <Modal
        open={open}
        title={t("readiness.recordDrill")}
        okText={t("readiness.save")}
        cancelText={t("readiness.cancel")}
        confirmLoading={record.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => record.mutate(v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: "functional", count: 10 }}>
          <Form.Item name="heldOn" label={t("readiness.heldOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="scenario" label={t("readiness.scenario")} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="kind" label={t("readiness.drillKind")}>
            <Select
              options={(["tabletop", "functional", "fullScale"] as const).map((k) => ({
                value: k,
                label: t(`readiness.drillKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="count" label={t("readiness.participants")} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="units" label={t("readiness.units")}>
            <Input />
          </Form.Item>
          <Form.Item name="findings" label={t("readiness.findings")}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
