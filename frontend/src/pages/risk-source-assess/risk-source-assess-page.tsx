import { Flex, Skeleton, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { HttpClient } from "../../api/http-client.ts";
import { getRiskSource } from "../../api/registry/risk-sources.ts";
import { useApiQuery } from "../../api/use-api-query.ts";
import { useMethodProfiles } from "../../registry/grade/use-method-profiles.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { AssessForm } from "./assess-form.tsx";

/** 风险评估: grade a source under a method profile, seeing the grade live before submitting. */
export function RiskSourceAssessPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const load = useCallback(
    (client: HttpClient, signal: AbortSignal) => getRiskSource(client, id, signal),
    [id],
  );
  const { data: source } = useApiQuery(load);
  const { data: profiles } = useMethodProfiles();
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16}>
        <Link to={riskSourceLinks.detail(id)}>{t("registry.common.back")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.assess.title", { name: source?.value.name ?? "" })}
        </Typography.Title>
      </Flex>
      {source && profiles ? (
        <AssessForm source={source.value} profiles={profiles} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Flex>
  );
}
