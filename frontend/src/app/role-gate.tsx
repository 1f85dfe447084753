import { Outlet } from "react-router";
import { ApiError } from "../api/problem.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useCurrentUser } from "../auth/current-user.tsx";
import { ForbiddenPage } from "../pages/forbidden/forbidden-page.tsx";
import { NotFoundPage } from "../pages/not-found/not-found-page.tsx";
import { LoadError } from "./load-error.tsx";
import { type AppRoute, canOpen, existsHere } from "./routes.tsx";

/**
 * Renders the route's page, or the 403 page when the caller's role may not open it (the API
 * checks too); the server's reason when it refused to say who the caller is. A local-only page
 * off the local stack is not found.
 */
export function RoleGate({ route }: { route: AppRoute }) {
  const { data: me, error, refetch } = useCurrentUser();
  const { localStack } = useAuth();
  if (!existsHere(route, localStack)) return <NotFoundPage />;
  if (!route.roles) return <Outlet />;
  if (me)
    return canOpen(route, me.role) ? (
      <Outlet />
    ) : (
      <ForbiddenPage role={me.role} allowed={route.roles} />
    );
  if (error instanceof ApiError && error.status === 403) {
    return <ForbiddenPage reason={error.problem?.title} />;
  }
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  return null;
}
