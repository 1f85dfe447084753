import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { stripPasswordGrant } from "./strip-password-grant.ts";
import { swaggerUiAssets } from "./swagger-ui-assets.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The local stack (gateway, identity provider, APIs) listens here in development. */
const localStack = "http://localhost:3000";

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), swaggerUiAssets(), stripPasswordGrant()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // swagger-ui-bundle.js is copied, not bundled; our largest chunk is antd.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks so a page change does not bust the framework cache.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            {
              // One chunk: split per set of pages (rolldown's entriesAware), antd's modules landed
              // in chunks that import each other, and adding a page once ordered them so that
              // cssinjs's Keyframe was used before its chunk had run — a blank app.
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
            },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: "query", test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `changeOrigin`: the local gateway answers only to its own Host (DNS-rebinding guard).
    proxy: Object.fromEntries(
      ["/api", "/oauth2", "/oidc", "/local", "/.well-known", "/auth-config.json"].map((prefix) => [
        prefix,
        { target: localStack, changeOrigin: true },
      ]),
    ),
  },
});
