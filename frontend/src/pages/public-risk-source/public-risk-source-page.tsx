import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { PublicRiskSource } from "../../../../shared/cards/public-risk-source.ts";
import { useApi } from "../../api/api-context.tsx";
import { publicRiskSource } from "../../api/cards.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { LoadError } from "../../app/load-error.tsx";
import type { Messages } from "../../i18n/resources/zh-cn.ts";
import { formatDateTime } from "../../registry/dates.ts";
import { PublicFrame } from "../../tenancy/public-frame.tsx";
import { PublicReportForm } from "./public-report-form.tsx";

const list = (items: readonly string[]) => (items.length ? items.join("、") : "—");

type Field = keyof Messages["cards"]["fields"];

/** The card's fields in its order, as label key and text. */
function rowsOf(s: PublicRiskSource, phones: string): [Field, string][] {
  return [
    ["enterprise", s.enterpriseName],
    ["place", `${s.place}（${s.district}${s.street}）`],
    ["supervision", `${s.district}${s.street}；${s.industryDepartment}`],
    ["industry", s.industry],
    ["hazards", list(s.hazardFactors)],
    ["accidentTypes", list(s.accidentTypes)],
    ["consequences", s.consequences],
    ["engineering", list(s.controls.engineering)],
    ["management", list(s.controls.management)],
    ["emergency", list(s.controls.emergency)],
    ["protectiveEquipment", list(s.protectiveEquipment)],
    ["safetySigns", list(s.safetySigns)],
    ["phones", phones],
    ["assessment", s.assessedOn ? `${s.assessedOn}　${s.profile}` : "—"],
  ];
}

/**
 * What a risk card's QR code opens, without signing in: the source's public fields as the card
 * shows them, and no people or their phones (the server answers none).
 */
export function PublicRiskSourcePage() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  const client = useApi();
  const source = useQuery({
    queryKey: registryKeys.publicRiskSource(token),
    queryFn: ({ signal }) => publicRiskSource(client, token, signal),
    retry: false,
  });

  if (source.error) {
    const status = source.error instanceof ApiError ? source.error.status : 0;
    return (
      <PublicFrame>
        {status === 410 || status === 404 ? (
          <Result
            status={status === 410 ? "warning" : "404"}
            title={t(status === 410 ? "cards.linkExpired" : "cards.linkInvalid")}
            data-testid="public-risk-source-refused"
          />
        ) : (
          <LoadError error={source.error} onRetry={() => void source.refetch()} />
        )}
      </PublicFrame>
    );
  }
  const s = source.data;
  return (
    <PublicFrame>
      {!s ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16} data-testid="public-risk-source">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("cards.publicTitle")}：{s.sourceName}
          </Typography.Title>
          <Alert type="info" showIcon message={t("cards.publicNote")} />
          <Card size="small">
            <div
              data-testid="public-risk-level"
              style={{
                background: s.levelColour,
                color: s.levelColour === "#F5C400" ? "#1F1F1F" : "#FFFFFF",
                padding: "12px 16px",
                fontSize: 22,
                marginBottom: 16,
              }}
            >
              {t("cards.fields.level")}：{s.levelName}
            </div>
            <Descriptions column={1} bordered size="small">
              {rowsOf(s, t("cards.phones", s.publicPhones)).map(([field, value]) => (
                <Descriptions.Item key={field} label={t(`cards.fields.${field}`)}>
                  {value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <Typography.Text type="secondary">
            {t("cards.linkExpiresAt")} {formatDateTime(s.linkExpiresAt)}
          </Typography.Text>
          <PublicReportForm token={token} />
        </Flex>
      )}
    </PublicFrame>
  );
}
