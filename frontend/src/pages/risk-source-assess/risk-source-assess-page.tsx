import { Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageError } from "../../app/page-error.tsx";
import { useMethodProfiles } from "../../registry/grade/use-method-profiles.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { useTaggedSource } from "../risk-source-detail/use-tagged-source.ts";
import { AssessForm } from "./assess-form.tsx";

/** 风险评估: grade a source under a method profile, seeing the grade live before submitting. */
export function RiskSourceAssessPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const source = useTaggedSource(id);
  const profiles = useMethodProfiles();
  const failed = source.error ?? profiles.error;
  const body = () => {
    if (source.data && profiles.data) {
      return <AssessForm source={source.data.value} profiles={profiles.data} />;
    }
    if (failed) {
      const retry = () => void Promise.all([source.refetch(), profiles.refetch()]);
      return <PageError error={failed} onRetry={retry} />;
    }
    return <Skeleton active paragraph={{ rows: 10 }} />;
  };
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16}>
        <Link to={riskSourceLinks.detail(id)}>{t("registry.common.back")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.assess.title", { name: source.data?.value.name ?? "" })}
        </Typography.Title>
      </Flex>
      {body()}
    </Flex>
  );
}
