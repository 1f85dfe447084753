import { EditOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Button, Col, Flex, Result, Row, Skeleton, Space, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { HttpClient } from "../../api/http-client.ts";
import { ApiError } from "../../api/problem.ts";
import { listAssessments } from "../../api/registry/assessments.ts";
import { useApiQuery } from "../../api/use-api-query.ts";
import { paths } from "../../app/paths.ts";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ASSESSING_ROLES, ENTERPRISE_ROLES, hasRole } from "../../registry/access.ts";
import { useMethodProfiles } from "../../registry/grade/use-method-profiles.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { LevelTag } from "../../theme/level-tag.tsx";
import { AssessmentHistory } from "./assessment-history.tsx";
import { ControlsCard } from "./controls-card.tsx";
import { EditDrawer } from "./edit-drawer.tsx";
import { GradingCard } from "./grading-card.tsx";
import { ResponsibilitiesCard } from "./responsibilities-card.tsx";
import { SourceOverview } from "./source-overview.tsx";
import { useTaggedSource } from "./use-tagged-source.ts";

/** One risk source: its description, controls, three responsibilities, level and history. */
export function RiskSourceDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useCurrentUser();
  const source = useTaggedSource(id);
  const loadHistory = useCallback(
    (client: HttpClient, signal: AbortSignal) => listAssessments(client, id, signal),
    [id],
  );
  const history = useApiQuery(loadHistory);
  const profiles = useMethodProfiles();
  const [editing, setEditing] = useState(false);

  if (!source.data) {
    if (source.error instanceof ApiError && source.error.status === 404) {
      return (
        <Result
          status="404"
          title={t("registry.detail.notFound")}
          extra={<Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>}
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
        <Col span={24}>
          <AssessmentHistory
            assessments={history.data}
            profiles={profiles.data}
            loading={history.loading}
          />
        </Col>
      </Row>
      <EditDrawer
        open={editing}
        source={source.data}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          source.replace(next);
          setEditing(false);
        }}
        onReload={source.reload}
      />
    </Flex>
  );
}
