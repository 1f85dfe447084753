import { Flex, Spin } from "antd";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useAuth } from "./auth-context.tsx";

/** Sends signed-out visitors to the provider's sign-in page, back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, isLoading, signIn } = useAuth();
  const location = useLocation();
  const started = useRef(false);
  const returnTo = location.pathname + location.search + location.hash;
  useEffect(() => {
    if (isLoading || session || started.current) return;
    // Once per mount: StrictMode's second effect run must not start a second redirect.
    started.current = true;
    void signIn(returnTo);
  }, [isLoading, session, signIn, returnTo]);
  if (!session) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return children;
}
