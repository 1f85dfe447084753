import { hashKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Skeleton,
  Space,
  Steps,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type {
  HiddenDanger,
  RectificationPlan,
} from "../../../../shared/hidden-dangers/hidden-danger.ts";
import type { DangerStep } from "../../../../shared/hidden-dangers/lifecycle.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { dangerKeys, getDanger, planDanger, stepDanger } from "../../api/hidden-dangers.ts";
import { LoadError } from "../../app/load-error.tsx";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { formatDate, formatDateTime } from "../../registry/dates.ts";
import { DangerLevelTag, DangerStatusTag } from "./danger-tags.tsx";
import { EvidencePanel } from "./evidence-panel.tsx";
import { PlanForm } from "./plan-form.tsx";

const LIFECYCLE = ["reported", "planned", "rectified", "evaluated", "accepted", "closed"] as const;

/** The steps a caller may take now: the enterprise rectifies, the acceptor accepts and closes. */
function stepsFor(d: HiddenDanger, enterprise: boolean, official: boolean): DangerStep[] {
  const acceptor = official || (enterprise && d.level === "general");
  switch (d.status) {
    case "planned":
      return enterprise ? ["rectify"] : [];
    case "rectified":
      return enterprise ? ["evaluate"] : [];
    case "evaluated":
      return acceptor ? ["accept", "reject"] : [];
    case "accepted":
      return acceptor ? ["close"] : [];
    default:
      return [];
  }
}

/** One hidden danger: its lifecycle steps, the 五到位 plan, the next actions and the photos. */
export function HiddenDangerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const enterprise = hasRole(me?.role, ENTERPRISE_ROLES);
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  const [note, setNote] = useState("");
  const danger = useQuery({
    queryKey: dangerKeys.one(id),
    queryFn: ({ signal }) => getDanger(client, id, signal),
  });
  // The answer is the danger as stored, so it is not fetched again; and a fetch still in flight
  // is cancelled first: landing after it, the earlier state came back (the next step then sent a
  // stale version), as happened under load when a step followed the previous one quickly.
  const changed = async (next: HiddenDanger) => {
    const one = dangerKeys.one(id);
    await queryClient.cancelQueries({ queryKey: one, exact: true });
    queryClient.setQueryData(one, next);
    setNote("");
    await queryClient.invalidateQueries({
      queryKey: dangerKeys.all(),
      predicate: (query) => query.queryHash !== hashKey(one),
    });
  };
  const act = useMutation({
    mutationFn: async (v: { step: DangerStep } | { plan: RectificationPlan }) => {
      const d = danger.data as HiddenDanger;
      return "plan" in v
        ? planDanger(client, d, v.plan)
        : stepDanger(client, d, v.step, note.trim() || undefined);
    },
    onSuccess: async (next) => {
      void message.success(t("hiddenDangers.done"));
      await changed(next);
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  if (danger.error) return <LoadError error={danger.error} onRetry={() => void danger.refetch()} />;
  const d = danger.data;
  if (!d) return <Skeleton active />;
  const current = LIFECYCLE.indexOf(d.status);
  const next = stepsFor(d, enterprise, official);
  return (
    <Flex vertical gap={16}>
      <Link to={paths.hiddenDangers}>{t("hiddenDangers.back")}</Link>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="danger-title">
        {d.title} <DangerLevelTag level={d.level} /> <DangerStatusTag status={d.status} />
      </Typography.Title>
      <Card title={t("hiddenDangers.lifecycle")} size="small">
        <Steps
          data-testid="danger-steps"
          current={current}
          items={LIFECYCLE.map((s) => ({ title: t(`hiddenDangers.statuses.${s}`) }))}
          size="small"
        />
      </Card>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t("hiddenDangers.source")}>{d.riskSourceName}</Descriptions.Item>
        <Descriptions.Item label={t("hiddenDangers.supervised")}>
          {d.supervised ? t("hiddenDangers.supervised") : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("hiddenDangers.description")} span={2}>
          {d.description || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("hiddenDangers.dueAt")}>
          {formatDateTime(d.dueAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t("hiddenDangers.reportedAt")}>
          {formatDateTime(d.createdAt)}
        </Descriptions.Item>
        {d.plan && (
          <>
            <Descriptions.Item label={t("hiddenDangers.plan.measures")} span={2}>
              {d.plan.measures}
            </Descriptions.Item>
            <Descriptions.Item label={t("hiddenDangers.plan.funds")}>
              {d.plan.funds}
            </Descriptions.Item>
            <Descriptions.Item label={t("hiddenDangers.plan.deadline")}>
              {formatDate(d.plan.deadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t("hiddenDangers.plan.person")}>
              {d.plan.responsiblePerson.name} {d.plan.responsiblePerson.phone}
            </Descriptions.Item>
            <Descriptions.Item label={t("hiddenDangers.plan.emergencyPlan")}>
              {d.plan.emergencyPlan}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {enterprise && (d.status === "reported" || d.status === "planned") && (
        <PlanForm busy={act.isPending} onSave={(plan) => act.mutate({ plan })} />
      )}
      {next.length > 0 && (
        <Space wrap>
          <Input
            data-testid="step-note"
            style={{ minWidth: 320 }}
            value={note}
            placeholder={
              d.status === "rectified"
                ? t("hiddenDangers.evaluationRequired")
                : t("hiddenDangers.note")
            }
            onChange={(e) => setNote(e.target.value)}
          />
          {next.map((step) => (
            <Button
              key={step}
              data-testid={`step-${step}`}
              loading={act.isPending}
              onClick={() => act.mutate({ step })}
            >
              {t(`hiddenDangers.steps.${step}`)}
            </Button>
          ))}
        </Space>
      )}
      <EvidencePanel
        danger={d}
        canUpload={enterprise && d.status !== "closed"}
        onChanged={changed}
      />
      <Card title={t("hiddenDangers.lifecycle")} size="small">
        <ul data-testid="danger-history">
          {d.steps.map((s) => (
            <li key={`${s.action}-${s.at}`}>
              {formatDateTime(s.at)} {t(`hiddenDangers.steps.${s.action}`)} {s.note ?? ""}
            </li>
          ))}
        </ul>
      </Card>
    </Flex>
  );
}
