import { signCardLink } from "../../functions/cards/card-links.ts";
import { setting } from "../../functions/platform/config.ts";
import { putPublicReport, storedPublicReport } from "../support/hidden-danger-fixtures.ts";
import { type CaseContext, enc, type RouteCase } from "./route-case.ts";

/** Public hidden-danger reports from the QR page and their moderation (shared/contracts/public-reports.ts). */

function moderationCase(path: string, body: unknown): RouteCase {
  return {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const report = await putPublicReport(fx.store, fx.shared(owner).source);
      return {
        id: report.id,
        request: (id = report.id) => ({
          path: `/api/v1/public-danger-reports/${enc(id)}${path}`,
          body,
          headers: { "if-match": `"${report.version}"` },
        }),
        stored: () => storedPublicReport(fx.store, report),
      };
    },
  };
}

export const publicReportCases: Readonly<Record<string, RouteCase>> = {
  // Anyone holding a valid link reports; each cell signs a link of its own (its own quota).
  "POST /api/v1/public/risk-sources/{token}/hidden-dangers": {
    shape: "open",
    success: 202,
    prepare: async ({ fx, owner }: CaseContext) => {
      const now = new Date();
      const expires = new Date(now.getTime() + 3_600_000 + Math.floor(Math.random() * 1e9));
      const token = await signCardLink(
        fx.shared(owner).source.id,
        setting("cardLinkSecret"),
        expires,
        now,
      );
      return {
        request: () => ({
          path: `/api/v1/public/risk-sources/${token}/hidden-dangers`,
          body: { title: "加油机旁有明火", description: "有人在加油区吸烟" },
        }),
      };
    },
  },
  "GET /api/v1/public-danger-reports": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const report = await putPublicReport(fx.store, fx.shared(owner).source);
      return {
        id: report.id,
        request: () => ({ path: "/api/v1/public-danger-reports?limit=200" }),
      };
    },
  },
  "POST /api/v1/public-danger-reports/{id}/accept": moderationCase("/accept", { level: "general" }),
  "POST /api/v1/public-danger-reports/{id}/reject": moderationCase("/reject", {
    reason: "现场核实无此情况",
  }),
};
