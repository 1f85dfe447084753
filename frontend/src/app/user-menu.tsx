import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAuth } from "../auth/auth-context.tsx";
import { useCurrentUser } from "../auth/current-user.tsx";
import { useLanguage } from "../i18n/use-language.ts";
import { paths } from "./paths.ts";

/** The signed-in user's e-mail and role, with sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { session } = useAuth();
  const navigate = useNavigate();
  const { data: me } = useCurrentUser();
  const email = me?.email ?? session?.email ?? "";
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          {
            key: "who",
            type: "group",
            label: (
              <Flex vertical>
                <Typography.Text type="secondary">{t("auth.signedInAs")}</Typography.Text>
                <Typography.Text>{email}</Typography.Text>
                {/* The role line is there before /me answers, so the sign-out item below it
                    does not move under a pointer already on its way to it. */}
                <Typography.Text type="secondary" data-testid="user-role">
                  {me ? pick(me.roleLabel) : "\u00a0"}
                </Typography.Text>
              </Flex>
            ),
          },
          { type: "divider" },
          {
            key: "sign-out",
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t("auth.signOut")}</span>,
            onClick: () => void navigate(paths.signOut),
          },
        ],
      }}
    >
      <Button type="text" style={{ color: "#fff" }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        {email}
      </Button>
    </Dropdown>
  );
}
