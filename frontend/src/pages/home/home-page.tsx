import { Col, Row, Spin, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../app/load-error.tsx";
import { useCurrentUser } from "../../auth/current-user.tsx";
import { ENTERPRISE_ROLES, hasRole, OFFICIAL_ROLES } from "../../registry/access.ts";
import { EnterpriseDashboard } from "./dashboard/enterprise-dashboard.tsx";
import { HealthCard } from "./health-card.tsx";
import { LevelLegend } from "./level-legend.tsx";
import { ProfileCard } from "./profile-card.tsx";

// The official's dashboard brings ECharts: loaded after the page, so signing in stays quick.
// The enterprise's has no chart and comes with the page: arriving late, it pushed the profile
// card down under a pointer already on its link.
const OfficialDashboard = lazy(() =>
  import("./dashboard/official-dashboard.tsx").then((m) => ({ default: m.OfficialDashboard })),
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
      </Suspense>
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
