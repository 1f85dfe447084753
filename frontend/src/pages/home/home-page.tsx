import { Col, Row, Spin, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { HealthCard } from "./health-card.tsx";
import { LevelLegend } from "./level-legend.tsx";
import { ProfileCard } from "./profile-card.tsx";

// The dashboards bring ECharts: loaded after the page, so signing in stays quick.
const OfficialDashboard = lazy(() =>
  import("./dashboard/official-dashboard.tsx").then((m) => ({ default: m.OfficialDashboard })),
);
const EnterpriseDashboard = lazy(() =>
  import("./dashboard/enterprise-dashboard.tsx").then((m) => ({ default: m.EnterpriseDashboard })),
);

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
      <Suspense fallback={<Spin />}>
        {me && hasRole(me.role, OFFICIAL_ROLES) && <OfficialDashboard role={me.role} />}
        {me && hasRole(me.role, ENTERPRISE_ROLES) && <EnterpriseDashboard />}
      </Suspense>
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
