import { Button, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ROLE_LABELS } from "../../../../shared/tenancy/role-labels.ts";
import type { Role } from "../../../../shared/tenancy/roles.ts";
import { paths } from "../../app/paths.ts";
import { useLanguage } from "../../i18n/use-language.ts";

interface Props {
  /** The server's problem title when it refused. */
  reason?: string | undefined;
  /** The caller's role and the roles the page is for, when the role rule closed it. */
  role?: Role | undefined;
  allowed?: readonly Role[] | undefined;
}

/**
 * 403, like the 404 page: why the page is closed — the server's problem title when it refused,
 * else the caller's role and who the page is for — whom to ask, and the ways back.
 */
export function ForbiddenPage({ reason, role, allowed }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const navigate = useNavigate();
  const why = reason
    ? t("forbidden.server", { reason })
    : role && allowed
      ? t("forbidden.role", {
          role: pick(ROLE_LABELS[role]),
          allowed: allowed.map((r) => pick(ROLE_LABELS[r])).join(t("forbidden.separator")),
        })
      : t("forbidden.roleUnknown");
  return (
    <Result
      status="403"
      title={t("forbidden.title")}
      data-testid="forbidden"
      subTitle={
        <Space direction="vertical">
          <Typography.Text data-testid="forbidden-reason">{why}</Typography.Text>
          <Typography.Text type="secondary">{t("forbidden.help")}</Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Link to={paths.home}>
            <Button type="primary">{t("forbidden.back")}</Button>
          </Link>
          <Button onClick={() => void navigate(-1)}>{t("forbidden.previous")}</Button>
        </Space>
      }
    />
  );
}
