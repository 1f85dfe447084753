import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Skeleton, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { IndustryId } from "../../../../shared/catalogs/industries.ts";
import { useApi } from "../../api/api-context.tsx";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { fetchOwnEnterprise } from "../../api/registry/enterprise.ts";
import { PageError } from "../../app/page-error.tsx";
import { paths } from "../../app/paths.ts";
import {
  blankValues,
  type RiskSourceFormValues,
  valuesFromItem,
} from "../../registry/risk-source-form/form-values.ts";
import { IdentificationPicker } from "./identification-picker.tsx";
import { RegisterForm } from "./register-form.tsx";

/**
 * 登记风险源: first an item of the industry's identification list (or a blank start), then the
 * form, pre-filled from the item and from the enterprise profile (district, street, contact).
 */
export function RiskSourceRegisterPage() {
  const { t } = useTranslation();
  const client = useApi();
  const {
    data: enterprise,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: registryKeys.ownEnterprise(),
    queryFn: ({ signal }) => fetchOwnEnterprise(client, signal),
  });
  const [industry, setIndustry] = useState<IndustryId>();
  const [values, setValues] = useState<RiskSourceFormValues>();
  useEffect(() => {
    if (enterprise) setIndustry((current) => current ?? enterprise.industry);
  }, [enterprise]);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16}>
        <Link to={paths.riskSources}>{t("registry.common.backToList")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("registry.register.title")}
        </Typography.Title>
      </Flex>
      <Steps
        current={values ? 1 : 0}
        items={[
          { title: t("registry.register.stepPick") },
          { title: t("registry.register.stepForm") },
        ]}
      />
      <Card>
        {error && !enterprise ? (
          <PageError error={error} onRetry={() => void refetch()} />
        ) : isPending ? (
          <Skeleton active />
        ) : values ? (
          <RegisterForm initialValues={values} onBack={() => setValues(undefined)} />
        ) : (
          <IdentificationPicker
            industry={industry}
            onIndustryChange={setIndustry}
            onPick={(item) =>
              setValues({
                ...valuesFromItem(item, enterprise),
                industry: enterprise?.industry ?? industry,
              })
            }
            onBlank={() =>
              setValues({ ...blankValues(enterprise), industry: enterprise?.industry ?? industry })
            }
          />
        )}
      </Card>
    </Flex>
  );
}
