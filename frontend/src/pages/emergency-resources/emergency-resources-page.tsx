import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../shared/catalogs/districts.ts";
import {
  CATEGORY_LABELS,
  CITY_CATEGORIES,
  type EmergencyResource,
  ENTERPRISE_CATEGORIES,
  type ResourceCategory,
} from "../../../../shared/readiness/resource.ts";
import { useApi } from "../../api/api-context.tsx";
import {
  createResource,
  downloadSurvey,
  listResources,
  type ResourceInput,
  readinessKeys,
} from "../../api/readiness.ts";
import { useCursorList } from "../../api/use-cursor-list.ts";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { useLanguage } from "../../i18n/use-language.ts";
import { ENTERPRISE_ROLES, hasRole } from "../../registry/access.ts";
import { saveFile } from "../../registry/save-file.ts";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";

/** Who keeps the city's resources (shelters, medical, transport). */
const CITY_KEEPERS = ["streetOfficial", "districtOfficial", "cityAdmin"] as const;

/** 应急资源: the enterprise's own (DB11/T 1580 survey) or, for officials, their jurisdiction's. */
export function EmergencyResourcesPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const [category, setCategory] = useState<ResourceCategory>();
  const [adding, setAdding] = useState(false);
  const filters = category ? { category, limit: 100 } : { limit: 100 };
  const list = useCursorList(readinessKeys.resources(filters), (c, cursor, signal) =>
    listResources(c, filters, cursor, signal),
  );
  const enterprise = hasRole(me?.role, ENTERPRISE_ROLES);
  const keepsCity = hasRole(me?.role, CITY_KEEPERS);
  const categories = enterprise
    ? ENTERPRISE_CATEGORIES
    : [...ENTERPRISE_CATEGORIES, ...CITY_CATEGORIES];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("readiness.resourcesTitle")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("readiness.resourcesHint")}</Typography.Text>
      <Space wrap>
        <Select
          data-testid="resource-category"
          allowClear
          style={{ width: 200 }}
          placeholder={t("readiness.allCategories")}
          value={category}
          onChange={(value?: ResourceCategory) => setCategory(value)}
          options={categories.map((c) => ({ value: c, label: pick(CATEGORY_LABELS[c]) }))}
        />
        {(enterprise || keepsCity) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="resource-add"
          >
            {t("readiness.add")}
          </Button>
        )}
        {enterprise && me?.tenantId && (
          <Button onClick={() => void downloadSurvey(client, me.tenantId).then(saveFile)}>
            {t("readiness.surveyCsv")}
          </Button>
        )}
      </Space>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<EmergencyResource>
        data-testid="resource-table"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t("readiness.empty") }}
        columns={[
          { title: t("readiness.category"), render: (_, r) => pick(CATEGORY_LABELS[r.category]) },
          { title: t("readiness.name"), dataIndex: "name" },
          { title: t("readiness.quantity"), render: (_, r) => `${r.quantity} ${r.unit}` },
          {
            title: t("readiness.availability"),
            render: (_, r) => (
              <Tag
                color={
                  r.availability === "available"
                    ? "green"
                    : r.availability === "limited"
                      ? "gold"
                      : "default"
                }
              >
                {t(`readiness.availabilities.${r.availability}`)}
              </Tag>
            ),
          },
          {
            title: t("readiness.owner"),
            render: (_, r) => `${t(`readiness.owners.${r.owner}`)} · ${r.ownerName}`,
          },
          {
            title: t("readiness.contact"),
            render: (_, r) => `${r.contact.name} ${r.contact.phone}`,
          },
        ]}
      />
      {list.hasNextPage && <Button onClick={() => void list.fetchNextPage()}>…</Button>}
      <ResourceForm
        open={adding}
        categories={enterprise ? ENTERPRISE_CATEGORIES : CITY_CATEGORIES}
        askArea={!enterprise}
        onClose={() => setAdding(false)}
      />
    </Flex>
  );
}

interface FormValues {
  category: ResourceCategory;
  name: string;
  quantity: number;
  unit: string;
  lon: number;
  lat: number;
  address?: string;
  contactName: string;
  phone: string;
  availability: ResourceInput["availability"];
  district?: string;
  street?: string;
}

function ResourceForm(props: {
  open: boolean;
  categories: readonly ResourceCategory[];
  askArea: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const client = useApi();
  const queries = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { keyFor, settle } = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: ResourceInput = {
        category: v.category,
        name: v.name,
        quantity: v.quantity,
        unit: v.unit,
        location: { lon: v.lon, lat: v.lat },
        address: v.address ?? "",
        contact: { name: v.contactName, phone: v.phone },
        availability: v.availability,
        ...(v.district ? { district: v.district } : {}),
        ...(v.street ? { street: v.street } : {}),
      } as ResourceInput;
      return createResource(client, body, keyFor(body));
    },
    onSuccess: () => {
      settle();
      void message.success(t("readiness.saved"));
      void queries.invalidateQueries({ queryKey: readinessKeys.all() });
      form.resetFields();
      props.onClose();
    },
  });
  return (
    <Modal
      open={props.open}
      title={t("readiness.add")}
      okText={t("readiness.save")}
      cancelText={t("readiness.cancel")}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ availability: "available", quantity: 1 }}
      >
        <Form.Item name="category" label={t("readiness.category")} rules={[{ required: true }]}>
          <Select
            options={props.categories.map((c) => ({ value: c, label: pick(CATEGORY_LABELS[c]) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t("readiness.name")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Form.Item name="quantity" label={t("readiness.quantity")} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="unit" label={t("readiness.unit")} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="availability" label={t("readiness.availability")}>
            <Select
              style={{ width: 140 }}
              options={(["available", "limited", "unavailable"] as const).map((a) => ({
                value: a,
                label: t(`readiness.availabilities.${a}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="lon" label={t("readiness.lon")} rules={[{ required: true }]}>
            <InputNumber min={115.4} max={117.55} step={0.001} />
          </Form.Item>
          <Form.Item name="lat" label={t("readiness.lat")} rules={[{ required: true }]}>
            <InputNumber min={39.4} max={41.1} step={0.001} />
          </Form.Item>
        </Space>
        {props.askArea && (
          <Space>
            <Form.Item name="district" label={t("readiness.district")} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={DISTRICTS.map((d) => ({ value: d.code, label: pick(d.name) }))}
              />
            </Form.Item>
            <Form.Item name="street" label={t("readiness.street")} rules={[{ required: true }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="address" label={t("readiness.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Form.Item name="contactName" label={t("readiness.contact")} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t("readiness.phone")} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
