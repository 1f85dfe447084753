import { Layout } from "antd";
import type { ReactNode } from "react";
import { AppHeader } from "../app/app-header.tsx";

/** The frame of the pages reached without signing in (sign-up, invitation). */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <AppHeader />
      <Layout.Content style={{ padding: 24, maxWidth: 960, width: "100%", margin: "0 auto" }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
