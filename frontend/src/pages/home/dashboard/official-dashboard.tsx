import { Card, Col, Empty, List, Progress, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LEVELS } from "../../../../../shared/methodology/levels.ts";
import type { Role } from "../../../../../shared/tenancy/roles.ts";
import { useCoverage, useStatsSummary, useTrends } from "../../../api/stats.ts";
import { LoadError } from "../../../app/load-error.tsx";
import { paths } from "../../../app/paths.ts";
import { useLanguage } from "../../../i18n/use-language.ts";
import { hasRole } from "../../../registry/access.ts";
import { districtName, industryName } from "../../../registry/catalog-labels.ts";
import { formatDateTime } from "../../../registry/dates.ts";
import { SIGNUP_DECIDERS } from "../../../tenancy/access.ts";
import { CountTile } from "./count-tile.tsx";
import { LevelBarChart } from "./level-bar-chart.tsx";
import { CoverageTrendChart, LevelTrendChart } from "./trend-chart.tsx";
import { useQueueTotal, useTodoCounts } from "./use-dashboard-counts.ts";

const list = (path: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/**
 * 工作台 of a city, district, street or industry official: everything from the caller's own
 * scope (the routes narrow it on the server), each number a link to the list it counts.
 */
export function OfficialDashboard({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const summary = useStatsSummary();
  const coverage = useCoverage();
  const trends = useTrends();
  const waiting = useQueueTotal(false, true);
  const overdue = useQueueTotal(true, true);
  const approves = hasRole(role, SIGNUP_DECIDERS);
  const todo = useTodoCounts({ official: true, approvals: approves });
  const byLevel = summary.data?.byLevel;
  const total = byLevel ? LEVELS.reduce((n, l) => n + byLevel[l], 0) : undefined;
  const districts = Object.keys(summary.data?.byDistrict ?? {});
  const count = (n: number | undefined) => (n === undefined ? undefined : { count: n });
  const balance = [
    ...(districts.length > 1 ? (coverage.data?.balance.districts ?? []) : []),
    ...(districts.length > 1 ? [] : (coverage.data?.balance.industries ?? [])),
  ].slice(0, 8);
  const balanceName = (key: string) =>
    pick(districts.length > 1 ? districtName(key) : industryName(key));

  return (
    <Row gutter={[16, 16]} data-testid="official-dashboard">
      {summary.error && (
        <Col span={24}>
          <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
        </Col>
      )}
      <Col xs={24} xl={16}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8} lg={4}>
            <CountTile
              title={t("portal.dashboard.total")}
              value={count(total)}
              to={paths.riskSources}
              testId="tile-total"
            />
          </Col>
          {LEVELS.map((level) => (
            <Col xs={12} md={8} lg={5} key={level}>
              <CountTile
                title={t(`levels.names.${level}`)}
                value={count(byLevel?.[level])}
                to={list(paths.riskSources, { level })}
                testId={`tile-level-${level}`}
              />
            </Col>
          ))}
        </Row>
        <Card size="small" title={t("portal.dashboard.byDistrict")} style={{ marginTop: 16 }}>
          {districts.length > 0 ? (
            <LevelBarChart
              rows={summary.data?.byDistrict ?? {}}
              nameOf={districtName}
              linkOf={(district, level) => list(paths.riskSources, { district, level })}
              testId="chart-districts"
            />
          ) : (
            <Empty />
          )}
        </Card>
        <Card size="small" title={t("portal.dashboard.byIndustry")} style={{ marginTop: 16 }}>
          <LevelBarChart
            rows={summary.data?.byIndustry ?? {}}
            nameOf={industryName}
            linkOf={(industry, level) => list(paths.riskSources, { industry, level })}
            testId="chart-industries"
          />
        </Card>
        <Card size="small" title={t("portal.dashboard.trends")} style={{ marginTop: 16 }}>
          {trends.error ? (
            <LoadError error={trends.error} onRetry={() => void trends.refetch()} />
          ) : (
            <LevelTrendChart points={trends.data?.points ?? []} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("portal.dashboard.todo")} data-testid="todo">
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <CountTile
                title={t("portal.dashboard.reviewsWaiting")}
                value={count(waiting.data)}
                to={paths.reviews}
                testId="todo-reviews"
              />
            </Col>
            <Col span={12}>
              <CountTile
                title={t("portal.dashboard.reviewsOverdue")}
                value={count(overdue.data)}
                to={list(paths.reviews, { overdue: "true", order: "oldest" })}
                testId="todo-reviews-overdue"
                danger
              />
            </Col>
            <Col span={12}>
              <CountTile
                title={t("portal.dashboard.warningsOpen")}
                value={todo.warnings.data}
                to={list(paths.warnings, { status: "open" })}
                testId="todo-warnings"
                danger
              />
            </Col>
            <Col span={12}>
              <CountTile
                title={t("portal.dashboard.sourcesOverdue")}
                value={todo.overdueSources.data}
                to={list(paths.riskSources, { due: "overdue" })}
                testId="todo-sources-overdue"
                danger
              />
            </Col>
            {approves && (
              <Col span={12}>
                <CountTile
                  title={t("portal.dashboard.approvals")}
                  value={todo.signups.data}
                  to={paths.approvals}
                  testId="todo-approvals"
                />
              </Col>
            )}
          </Row>
        </Card>
        <Card
          size="small"
          title={t("portal.dashboard.coverage")}
          style={{ marginTop: 16 }}
          data-testid="balance"
        >
          <List
            size="small"
            dataSource={balance}
            renderItem={(row) => (
              <List.Item
                actions={[
                  <Link
                    key="enterprises"
                    data-testid="balance-enterprises"
                    to={list(
                      paths.enterprises,
                      districts.length > 1 ? { district: row.key } : { industry: row.key },
                    )}
                  >
                    {t("portal.dashboard.enterprisesLink")}
                  </Link>,
                ]}
              >
                <Link
                  to={list(
                    paths.riskSources,
                    districts.length > 1 ? { district: row.key } : { industry: row.key },
                  )}
                  style={{ width: "100%" }}
                >
                  <Typography.Text>{balanceName(row.key)}</Typography.Text>
                  <Progress
                    percent={Math.round(row.currentShare * 100)}
                    size="small"
                    aria-label={t("portal.dashboard.enterprisesCurrent", {
                      current: row.enterprises.current,
                      known: row.enterprises.known,
                    })}
                    format={() =>
                      t("portal.dashboard.enterprisesCurrent", {
                        current: row.enterprises.current,
                        known: row.enterprises.known,
                      })
                    }
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("portal.dashboard.enterpriseStages", row.enterprises)}
                    {" · "}
                    {t("portal.dashboard.coverageShare", {
                      assessed: row.assessed,
                      registered: row.registered,
                    })}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
          {summary.data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("portal.dashboard.asOf", { time: formatDateTime(summary.data.asOf) })}
            </Typography.Text>
          )}
        </Card>
        <Card size="small" title={t("portal.dashboard.coverageTrends")} style={{ marginTop: 16 }}>
          {trends.error ? (
            <LoadError error={trends.error} onRetry={() => void trends.refetch()} />
          ) : (
            <CoverageTrendChart points={trends.data?.points ?? []} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
