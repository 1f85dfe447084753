import { Flex, Layout, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { systemContract } from "../../../shared/contracts/system.ts";
import { LanguageToggle } from "./language-toggle.tsx";

/** The product bar: name in the active language with the other beneath, then `extra` items. */
export function AppHeader({ nav, extra }: { nav?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout.Header style={{ display: "flex", alignItems: "center", gap: 24 }}>
      <Flex vertical style={{ lineHeight: 1.2, flex: "none" }} data-testid="brand">
        <Typography.Text strong style={{ color: "#fff", fontSize: 18 }}>
          {t("app.productName")}
        </Typography.Text>
        <Typography.Text style={{ color: "rgba(255,255,255,0.65)", fontSize: 12 }}>
          {t("app.productNameEn")}
        </Typography.Text>
      </Flex>
      <div style={{ flex: 1, minWidth: 0 }}>{nav}</div>
      <Flex align="center" gap={16} style={{ flex: "none" }}>
        {/* The OpenAPI page the server generates from the route contracts, for integrators. */}
        <Typography.Link
          href={systemContract.docs.path}
          target="_blank"
          rel="noopener"
          style={{ color: "#fff" }}
          data-testid="api-docs-link"
        >
          {t("app.apiDocs")}
        </Typography.Link>
        <LanguageToggle />
        {extra}
      </Flex>
    </Layout.Header>
  );
}
