import { Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { EnterpriseDashboard } from "./dashboard/enterprise-dashboard.tsx";
import { OfficialDashboard } from "./dashboard/official-dashboard.tsx";
import { HealthCard } from "./health-card.tsx";
import { LevelLegend } from "./level-legend.tsx";
import { ProfileCard } from "./profile-card.tsx";

export function HomePage() {
  const { t } = useTranslation();
  const { data: me, error, refetch } = useCurrentUser();
  return (
    <>
      <Typography.Title level={3}>
        {me
          ? t("home.welcome", { name: me.tenantName ?? me.email ?? me.userId })
          : t("home.loading")}
      </Typography.Title>
      {error && !me && <LoadError error={error} onRetry={() => void refetch()} />}
      {me && hasRole(me.role, OFFICIAL_ROLES) && <OfficialDashboard role={me.role} />}
      {me && hasRole(me.role, ENTERPRISE_ROLES) && <EnterpriseDashboard />}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <ProfileCard me={me} />
        </Col>
        <Col xs={24} lg={10}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <HealthCard />
            </Col>
            <Col span={24}>
              <LevelLegend />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
