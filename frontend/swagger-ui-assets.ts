import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

/** Served at /vendor/swagger-ui/ because the /api/docs page (a Lambda) loads them same-origin. */
const PUBLIC_DIR = "vendor/swagger-ui";
const FILES = ["swagger-ui.css", "swagger-ui-bundle.js", "LICENSE"] as const;

function swaggerUiDistDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("swagger-ui-dist/package.json"));
}

/** Copies swagger-ui-dist's bundle and stylesheet into the build, and serves them in dev. */
export function swaggerUiAssets(): Plugin {
  const dir = swaggerUiDistDir();
  return {
    name: "cityrisk-swagger-ui-assets",
    generateBundle() {
      for (const file of FILES) {
        this.emitFile({
          type: "asset",
          fileName: `${PUBLIC_DIR}/${file}`,
          source: readFileSync(join(dir, file)),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = FILES.find((f) => req.url === `/${PUBLIC_DIR}/${f}`);
        if (!file) return next();
        res.setHeader("Content-Type", file.endsWith(".css") ? "text/css" : "text/javascript");
        res.end(readFileSync(join(dir, file)));
      });
    },
  };
}
