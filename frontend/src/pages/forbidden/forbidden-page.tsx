import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../app/paths.ts";

/**
 * 403, like the 404 page: why the page is closed — the server's problem title when it refused,
 * else the role rule — and the way back home.
 */
export function ForbiddenPage({ reason }: { reason?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      data-testid="forbidden"
      subTitle={reason ?? t("forbidden.role")}
      extra={
        <Link to={paths.home}>
          <Button type="primary">{t("forbidden.back")}</Button>
        </Link>
      }
    />
  );
}
