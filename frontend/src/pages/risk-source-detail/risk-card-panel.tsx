import { DownloadOutlined, ExportOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Segmented, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CardSize } from "../../../../shared/cards/card-size.ts";
import { useApi } from "../../api/api-context.tsx";
import { riskSourceCard } from "../../api/cards.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { LoadError } from "../../app/load-error.tsx";

/**
 * The source's risk notification card (安全风险告知卡): the stored PDF shown inline, with a
 * download for printing. Asked for again whenever the source's version changes, which is when
 * the server draws a new card.
 */
export function RiskCardPanel({ sourceId, version }: { sourceId: string; version: number }) {
  const { t } = useTranslation();
  const client = useApi();
  const [size, setSize] = useState<CardSize>("a4");
  const card = useQuery({
    queryKey: registryKeys.riskCard(sourceId, size, version),
    queryFn: ({ signal }) => riskSourceCard(client, sourceId, size, signal),
    // The links expire after 15 minutes; a fresh pair before then.
    staleTime: 10 * 60_000,
  });
  return (
    <Card
      title={t("cards.title")}
      size="small"
      data-testid="risk-card"
      extra={
        <Segmented<CardSize>
          value={size}
          onChange={setSize}
          options={[
            { value: "a4", label: t("cards.sizeA4") },
            { value: "small", label: t("cards.sizeSmall") },
          ]}
          data-testid="risk-card-size"
        />
      }
    >
      {card.error ? (
        <LoadError error={card.error} onRetry={() => void card.refetch()} />
      ) : !card.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={card.data.downloadUrl}
              data-testid="risk-card-download"
            >
              {t("cards.download")}
            </Button>
            <Button icon={<ExportOutlined />} href={card.data.url} target="_blank" rel="noopener">
              {t("cards.open")}
            </Button>
          </Flex>
          <iframe
            src={card.data.url}
            title={t("cards.previewTitle")}
            data-testid="risk-card-preview"
            style={{ width: "100%", height: 560, border: "1px solid #d9d9d9" }}
          />
          <Typography.Text type="secondary">{t("cards.hint")}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
