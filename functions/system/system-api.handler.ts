import { systemContract } from "../../shared/contracts/system.ts";
import { formatJurisdiction } from "../../shared/tenancy/claims.ts";
import { jurisdictionLabel } from "../../shared/tenancy/jurisdiction-label.ts";
import { ROLE_LABELS } from "../../shared/tenancy/roles.ts";
import { manifest } from "../manifest.ts";
import { dynamodb, s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { openApiDocument } from "../platform/http/openapi.ts";
import { loadTenant } from "../tenancy/tenant-records.ts";
import { docsPage } from "./docs-page.ts";
import { checkHealth, healthStatusCode } from "./health.ts";
import { systemApi } from "./manifest.ts";
import { catalogNames } from "./names.ts";

const API_VERSION = "0.1.0";

export const handler = httpHandler(
  systemApi,
  implement(systemContract, {
    health: async () => {
      const health = await checkHealth({
        dynamodb,
        s3,
        tableName: setting("tableName"),
        bucketName: setting("bucketName"),
      });
      return {
        status: healthStatusCode(health),
        body: health,
        headers: { "cache-control": "no-store" },
      };
    },
    openApi: async () => ({
      raw: {
        body: JSON.stringify(openApiDocument(manifest, API_VERSION)),
        contentType: "application/json",
      },
    }),
    docs: async () => ({
      raw: { body: docsPage(systemContract.openApi.path), contentType: "text/html; charset=utf-8" },
    }),
    me: async ({ caller }) => {
      const jurisdiction = formatJurisdiction(caller.jurisdiction);
      const tenant = await loadTenant(functionStore(), caller.tenantId);
      return {
        body: {
          userId: caller.userId,
          ...(caller.email ? { email: caller.email } : {}),
          tenantId: caller.tenantId,
          ...(tenant ? { tenantName: tenant.record.name } : {}),
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
    },
  }),
);
