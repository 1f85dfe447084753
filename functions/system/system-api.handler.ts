import { formatJurisdiction } from "../../shared/tenancy/claims.ts";
import { jurisdictionLabel } from "../../shared/tenancy/jurisdiction-label.ts";
import { ROLE_LABELS } from "../../shared/tenancy/roles.ts";
import { manifest } from "../manifest.ts";
import { dynamodb, s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { httpHandler, on } from "../platform/http/http-handler.ts";
import { openApiDocument } from "../platform/http/openapi.ts";
import { docsPage } from "./docs-page.ts";
import { checkHealth } from "./health.ts";
import { systemApi } from "./manifest.ts";
import { catalogNames } from "./names.ts";
import { docsRoute, healthRoute, meRoute, openApiRoute } from "./routes.ts";

const API_VERSION = "0.1.0";

export const handler = httpHandler(systemApi, [
  on(healthRoute, async () => {
    const health = await checkHealth({
      dynamodb,
      s3,
      tableName: setting("tableName"),
      bucketName: setting("bucketName"),
    });
    return {
      status: health.status === "ok" ? 200 : 503,
      body: health,
      headers: { "cache-control": "no-store" },
    };
  }),
  on(openApiRoute, async () => ({ body: openApiDocument(manifest, API_VERSION) })),
  on(docsRoute, async () => ({
    raw: { body: docsPage("/api/v1/openapi.json"), contentType: "text/html; charset=utf-8" },
  })),
  on(meRoute, async ({ caller }) => {
    const jurisdiction = formatJurisdiction(caller.jurisdiction);
    return {
      body: {
        userId: caller.userId,
        ...(caller.email ? { email: caller.email } : {}),
        tenantId: caller.tenantId,
        role: caller.role,
        roleLabel: ROLE_LABELS[caller.role],
        ...(jurisdiction === ""
          ? {}
          : {
              jurisdiction,
              jurisdictionLabel: jurisdictionLabel(caller.jurisdiction, catalogNames),
            }),
      },
    };
  }),
]);
