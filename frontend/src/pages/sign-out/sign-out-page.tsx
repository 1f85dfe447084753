import { Flex, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { Navigate } from "react-router";
import { paths } from "../../app/paths.ts";
import { useAuth } from "../../auth/auth-context.tsx";

/**
 * `/sign-out`: ends the session here and at the provider, whose logout returns to `/sign-in`.
 * It lives outside the protected pages on purpose: forgetting the user there made `RequireAuth`
 * start a sign-in that raced the provider's logout, and under load the provider's still-open
 * session won, signing the user straight back in.
 */
export function SignOutPage() {
  const { signOut } = useAuth();
  const started = useRef(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // Once per mount: StrictMode's second effect run must not start a second logout.
    if (started.current) return;
    started.current = true;
    signOut().catch(() => setFailed(true));
  }, [signOut]);
  // The provider unreachable: the user is forgotten here all the same.
  if (failed) return <Navigate to={paths.signIn} replace />;
  return (
    <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
      <Spin size="large" />
    </Flex>
  );
}
