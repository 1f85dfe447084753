import { UserOutlined } from "@ant-design/icons";
import { Card, Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DemoUser } from "../../auth/oauth.ts";
import { useLanguage } from "../../i18n/use-language.ts";

interface Props {
  users: readonly DemoUser[];
  disabled: boolean;
  onPick: (user: DemoUser) => void;
}

/** The local stack's demo accounts as cards; a click signs in as that user. */
export function DemoUserList({ users, disabled, onPick }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  return (
    <section aria-label={t("auth.demoUsersTitle")} data-testid="demo-users">
      <Typography.Title level={4}>{t("auth.demoUsersTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("auth.demoUsersHint")}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {users.map((user) => (
          <Col key={user.email} xs={24} sm={12}>
            <Card
              size="small"
              hoverable={!disabled}
              role="button"
              tabIndex={0}
              data-email={user.email}
              onClick={() => !disabled && onPick(user)}
              onKeyDown={(e) => {
                if (!disabled && (e.key === "Enter" || e.key === " ")) onPick(user);
              }}
            >
              <Card.Meta
                avatar={<UserOutlined style={{ fontSize: 20, marginTop: 4 }} />}
                title={pick(user.label)}
                description={
                  <>
                    <div>{pick(user.tenantName)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {user.email}
                    </Typography.Text>
                  </>
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
