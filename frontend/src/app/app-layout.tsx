import { Layout, Menu } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { CurrentUserProvider, useCurrentUser } from "../auth/current-user.tsx";
import { AppHeader } from "./app-header.tsx";
import { APP_ROUTES, canOpen } from "./routes.tsx";
import { UserMenu } from "./user-menu.tsx";

function NavMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useCurrentUser();
  const items = APP_ROUTES.filter((r) => r.nav && canOpen(r, me?.role)).map((r) => ({
    key: r.path,
    icon: r.nav?.icon,
    label: r.nav ? t(r.nav.label) : r.path,
  }));
  return (
    <Menu
      theme="dark"
      mode="horizontal"
      style={{ background: "transparent", borderBottom: "none" }}
      selectedKeys={items
        .map((item) => item.key)
        .filter((key) => key === pathname || (key !== "/" && pathname.startsWith(`${key}/`)))}
      items={items}
      onClick={({ key }) => navigate(key)}
    />
  );
}

/** The signed-in frame: header with navigation, language and user menu; the page below. */
export function AppLayout() {
  return (
    <CurrentUserProvider>
      <Layout style={{ minHeight: "100vh" }}>
        <AppHeader nav={<NavMenu />} extra={<UserMenu />} />
        <Layout.Content style={{ padding: 24, maxWidth: 1280, width: "100%", margin: "0 auto" }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </CurrentUserProvider>
  );
}
