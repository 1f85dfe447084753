import { Result } from "antd";
import { Outlet } from "react-router";
import { useCurrentUser } from "../auth/current-user.tsx";
import { type AppRoute, canOpen } from "./routes.tsx";

/** Renders the route's page, or a 403 when the caller's role may not open it (the API checks too). */
export function RoleGate({ route }: { route: AppRoute }) {
  const { data: me, loading } = useCurrentUser();
  if (!route.roles) return <Outlet />;
  if (loading && !me) return null;
  return canOpen(route, me?.role) ? <Outlet /> : <Result status="403" title="403" />;
}
