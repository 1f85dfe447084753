import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LEVELS } from "../../../../../shared/methodology/levels.ts";
import { useApi } from "../../../api/api-context.tsx";
import { listRiskSources } from "../../../api/registry/risk-sources.ts";
import { paths } from "../../../app/paths.ts";
import { CountTile } from "./count-tile.tsx";
import { useTodoCounts } from "./use-dashboard-counts.ts";

const DAY_MS = 86_400_000;

/** The enterprise's home: its sources by level, reviews due soon, open warnings, its cards. */
export function EnterpriseDashboard() {
  const { t } = useTranslation();
  const client = useApi();
  // An enterprise's register is small: its first 200 sources are counted here.
  const sources = useQuery({
    queryKey: ["dashboard", "own-sources"],
    queryFn: ({ signal }) => listRiskSources(client, {}, undefined, signal, 200),
  });
  const todo = useTodoCounts({ official: false, approvals: false });
  const items = sources.data?.items;
  const more = sources.data?.nextCursor !== null;
  const soon = new Date(Date.now() + 30 * DAY_MS).toISOString();
  const count = (n: number | undefined) => (n === undefined ? undefined : { count: n, more });
  return (
    <Row gutter={[12, 12]} data-testid="enterprise-dashboard">
      <Col span={24}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("portal.dashboard.mySources")}
        </Typography.Title>
      </Col>
      {LEVELS.map((level) => (
        <Col xs={12} md={6} key={level}>
          <CountTile
            title={t(`levels.names.${level}`)}
            value={count(items?.filter((s) => s.currentLevel === level).length)}
            to={`${paths.riskSources}?level=${level}`}
            testId={`tile-level-${level}`}
          />
        </Col>
      ))}
      <Col xs={12} md={8}>
        <CountTile
          title={t("portal.dashboard.reviewsDue")}
          value={count(
            items?.filter((s) => s.nextReviewAt !== null && s.nextReviewAt <= soon).length,
          )}
          to={`${paths.riskSources}?due=30d`}
          testId="tile-reviews-due"
          danger
        />
      </Col>
      <Col xs={12} md={8}>
        <CountTile
          title={t("portal.dashboard.warningsOpen")}
          value={todo.warnings.data}
          to={`${paths.warnings}?status=open`}
          testId="tile-warnings"
          danger
        />
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" title={t("portal.dashboard.cards")}>
          <Typography.Text type="secondary">{t("portal.dashboard.cardsHint")}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
