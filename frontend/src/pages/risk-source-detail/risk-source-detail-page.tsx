import { EditOutlined, ExperimentOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Col, Flex, Result, Row, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { listAssessments } from "../../api/registry/assessments.ts";
import { LoadError } from "../../app/load-error.tsx";
import { PageError } from "../../app/page-error.tsx";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import {
  ASSESSING_ROLES,
  CARD_READERS,
  ENTERPRISE_ROLES,
  hasRole,
  OFFICIAL_ROLES,
} from "../../registry/access.ts";
import { useMethodProfiles } from "../../registry/grade/use-method-profiles.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { AssessmentHistory } from "./assessment-history.tsx";
import { ControlsCard } from "./controls-card.tsx";
import { EditDrawer } from "./edit-drawer.tsx";
import { GradingCard } from "./grading-card.tsx";
import { ReadinessPanel } from "./readiness-panel.tsx";
import { ResponsibilitiesCard } from "./responsibilities-card.tsx";
import { RiskCardPanel } from "./risk-card-panel.tsx";
import { SourceOverview } from "./source-overview.tsx";
import { useTaggedSource } from "./use-tagged-source.ts";

/** One risk source: its description, controls, three responsibilities, level and history. */
export function RiskSourceDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useCurrentUser();
  const client = useApi();
  const source = useTaggedSource(id);
  const history = useQuery({
    queryKey: registryKeys.assessments(id),
    queryFn: ({ signal }) => listAssessments(client, id, signal),
  });
  const profiles = useMethodProfiles();
  const [editing, setEditing] = useState(false);

  if (!source.data) {
    if (source.error) {
      return (
        <PageError
          error={source.error}
          onRetry={() => void source.refetch()}
          notFound={
            <Result
              status="404"
              title={t("registry.detail.notFound")}
              extra={<Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>}
            />
          }
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const value = source.data.value;
  return (
    <Flex vertical gap={16} data-testid="risk-source-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="center" wrap>
          <Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="risk-source-name">
            {value.name}
          </Typography.Title>
          {value.currentLevel ? (
            <LevelTag level={value.currentLevel} />
          ) : (
            <Typography.Text type="secondary">{t("registry.common.notGraded")}</Typography.Text>
          )}
        </Space>
        <Space>
          {hasRole(me?.role, ENTERPRISE_ROLES) && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="edit-risk-source"
            >
              {t("registry.detail.edit")}
            </Button>
          )}
          {hasRole(me?.role, ASSESSING_ROLES) && (
            <Button
              type="primary"
              icon={<ExperimentOutlined />}
              onClick={() => navigate(riskSourceLinks.assess(value.id))}
              data-testid="assess-risk-source"
            >
              {t("registry.detail.assess")}
            </Button>
          )}
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <SourceOverview source={value} />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <GradingCard source={value} />
            <ResponsibilitiesCard source={value} />
          </Flex>
        </Col>
        <Col span={24}>
          <ControlsCard controls={value.controls} />
        </Col>
        {hasRole(me?.role, CARD_READERS) && (
          <Col span={24}>
            <RiskCardPanel sourceId={value.id} version={value.version} />
          </Col>
        )}
        {hasRole(me?.role, [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES]) && (
          <Col span={24}>
            <ReadinessPanel sourceId={value.id} keeps={hasRole(me?.role, ENTERPRISE_ROLES)} />
          </Col>
        )}
        <Col span={24}>
          {history.error ? (
            <LoadError error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <AssessmentHistory
              assessments={history.data}
              profiles={profiles.data}
              loading={history.isFetching}
            />
          )}
        </Col>
      </Row>
      <EditDrawer
        open={editing}
        source={source.data}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
        onReload={() => void source.refetch()}
      />
    </Flex>
  );
}
