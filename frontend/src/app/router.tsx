import { createBrowserRouter } from "react-router";
import { RequireAuth } from "../auth/require-auth.tsx";
import { NotFoundPage } from "../pages/not-found/not-found-page.tsx";
import { AppLayout } from "./app-layout.tsx";
import { paths } from "./paths.ts";
import { RoleGate } from "./role-gate.tsx";
import { APP_ROUTES } from "./routes.tsx";

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: paths.signIn,
      lazy: async () => ({
        Component: (await import("../pages/sign-in/sign-in-page.tsx")).SignInPage,
      }),
    },
    {
      path: paths.signOut,
      lazy: async () => ({
        Component: (await import("../pages/sign-out/sign-out-page.tsx")).SignOutPage,
      }),
    },
    {
      path: paths.authCallback,
      lazy: async () => ({
        Component: (await import("../pages/auth-callback/auth-callback-page.tsx")).AuthCallbackPage,
      }),
    },
    {
      path: paths.signUp,
      lazy: async () => ({
        Component: (await import("../pages/sign-up/sign-up-page.tsx")).SignUpPage,
      }),
    },
    {
      path: paths.invitation,
      lazy: async () => ({
        Component: (await import("../pages/invitation/invitation-page.tsx")).InvitationPage,
      }),
    },
    {
      // A risk card's QR code: opened by anyone, signed in or not.
      path: paths.publicRiskSource,
      lazy: async () => ({
        Component: (await import("../pages/public-risk-source/public-risk-source-page.tsx"))
          .PublicRiskSourcePage,
      }),
    },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        ...APP_ROUTES.map((route) => ({
          path: route.path,
          element: <RoleGate route={route} />,
          children: [{ index: true, lazy: async () => ({ Component: await route.load() }) }],
        })),
        { path: "*", Component: NotFoundPage },
      ],
    },
  ]);
}
