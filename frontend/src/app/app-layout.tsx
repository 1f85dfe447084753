import { Layout, Menu } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { useAuth } from "../auth/auth-context.tsx";
import { CurrentUserProvider, useCurrentUser } from "../auth/current-user.tsx";
import { AppHeader } from "./app-header.tsx";
import { navEntries } from "./nav-items.ts";
import { APP_ROUTES } from "./routes.tsx";
import { UserMenu } from "./user-menu.tsx";
import { WarningAlerts } from "./warning-alerts.tsx";

function NavMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useCurrentUser();
  const { localStack } = useAuth();
  const entries = navEntries(
    APP_ROUTES,
    me?.role,
    (r) => (r.nav ? t(r.nav.label) : r.path),
    localStack,
  );
  const items = entries.map((e) =>
    e.kind === "page"
      ? { key: e.path, icon: e.icon, label: e.label }
      : {
          key: `group:${e.group}`,
          label: t(`portal.navGroups.${e.group}`),
          children: e.pages.map((p) => ({ key: p.path, icon: p.icon, label: p.label })),
        },
  );
  const pages = entries.flatMap((e) => (e.kind === "page" ? [e.path] : e.pages.map((p) => p.path)));
  return (
    <Menu
      theme="dark"
      mode="horizontal"
      style={{ background: "transparent", borderBottom: "none" }}
      selectedKeys={pages.filter(
        (key) => key === pathname || (key !== "/" && pathname.startsWith(`${key}/`)),
      )}
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
        <WarningAlerts />
        <Layout.Content style={{ padding: 24, maxWidth: 1280, width: "100%", margin: "0 auto" }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </CurrentUserProvider>
  );
}
