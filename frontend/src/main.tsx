import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { initI18n } from "./i18n/i18n.ts";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

await initI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
