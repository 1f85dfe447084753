import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { loadAuthConfig } from "./auth/auth-config.ts";
import { initI18n } from "./i18n/i18n.ts";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

const [authConfig] = await Promise.all([loadAuthConfig(), initI18n()]);
createRoot(root).render(
  <StrictMode>
    <App authConfig={authConfig} />
  </StrictMode>,
);
