import { signCardLink } from "../../functions/cards/card-links.ts";
import { setting } from "../../functions/platform/config.ts";
import { type CaseContext, enc, type RouteCase } from "./route-case.ts";

/** The risk notification card and the public page behind its QR code (shared/contracts/cards.ts). */
export const cardCases: Readonly<Record<string, RouteCase>> = {
  "GET /api/v1/risk-sources/{id}/card": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }: CaseContext) => {
      const { source } = fx.shared(owner);
      return {
        id: source.id,
        request: (id = source.id) => ({ path: `/api/v1/risk-sources/${enc(id)}/card?size=small` }),
      };
    },
  },
  // Anyone holding a valid link reads the public fields; the link, not a role, is the key.
  "GET /api/v1/public/risk-sources/{token}": {
    shape: "open",
    success: 200,
    prepare: async ({ fx, owner }: CaseContext) => {
      const now = new Date();
      const token = await signCardLink(
        fx.shared(owner).source.id,
        setting("cardLinkSecret"),
        new Date(now.getTime() + 3_600_000),
        now,
      );
      return { request: () => ({ path: `/api/v1/public/risk-sources/${token}` }) };
    },
  },
};
