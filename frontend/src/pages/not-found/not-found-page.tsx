import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../app/paths.ts";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("notFound.title")}
      extra={
        <Link to={paths.home}>
          <Button type="primary">{t("notFound.back")}</Button>
        </Link>
      }
    />
  );
}
