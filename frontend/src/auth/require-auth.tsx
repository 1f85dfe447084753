import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { paths } from "../app/paths.ts";
import { useAuth } from "./auth-context.tsx";

/** Sends signed-out visitors to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    return (
      <Navigate to={paths.signIn} replace state={{ from: location.pathname + location.search }} />
    );
  }
  return children;
}
