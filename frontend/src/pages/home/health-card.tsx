import { ReloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Card, Flex, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { type CheckStatus, fetchHealth } from "../../api/health.ts";
import { accountKeys } from "../../api/query-keys/account.ts";
import { LoadError } from "../../app/load-error.tsx";

const CHECK_ORDER = ["dynamodb", "s3"] as const;
const HEALTH_POLL_MS = 15_000;
/** A slow dependency still serves: amber, like a degraded stack; red only for an error. */
const BADGE_OF = { ok: "success", slow: "warning", error: "error", unknown: "default" } as const;

/** The API's dependency checks as badges; a degraded stack still answers with its checks. */
export function HealthCard() {
  const { t } = useTranslation();
  const client = useApi();
  const {
    data: health,
    error,
    isFetching,
    refetch,
  } = useQuery({
    queryKey: accountKeys.health(),
    queryFn: ({ signal }) => fetchHealth(client, signal),
    // A status reads the present: one slow answer must not say 响应缓慢 for as long as the
    // page stays open.
    refetchInterval: HEALTH_POLL_MS,
  });
  const reload = () => void refetch();
  const checks: Partial<Record<string, CheckStatus>> = health?.checks ?? {};
  const names = [
    ...CHECK_ORDER,
    ...Object.keys(checks).filter((k) => !CHECK_ORDER.some((c) => c === k)),
  ];
  const checkLabel = (name: string) =>
    name === "dynamodb" || name === "s3"
      ? `${t(`health.${name}`)} (${name === "s3" ? "S3" : "DynamoDB"})`
      : name;
  const overall = health ? health.status : undefined;
  return (
    <Card
      title={t("health.title")}
      data-testid="health"
      extra={<Button type="text" icon={<ReloadOutlined />} loading={isFetching} onClick={reload} />}
    >
      <Flex vertical gap={8}>
        {error && <LoadError error={error} onRetry={reload} />}
        <Badge
          data-status={overall ?? "unknown"}
          status={overall === "ok" ? "success" : overall ? "warning" : "default"}
          text={`${t("health.overall")}: ${overall ? t(`health.${overall}`) : t("health.unknown")}`}
        />
        <Space wrap size="large">
          {names.map((name) => {
            const status = checks[name];
            return (
              <Badge
                key={name}
                data-check={name}
                data-status={status ?? "unknown"}
                status={BADGE_OF[status ?? "unknown"]}
                text={`${checkLabel(name)}: ${status ? t(`health.${status}`) : t("health.unknown")}`}
              />
            );
          })}
        </Space>
      </Flex>
    </Card>
  );
}
