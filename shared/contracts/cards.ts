import * as z from "zod";
import { CardSizeSchema } from "../cards/card-size.ts";
import { PublicRiskSourceSchema } from "../cards/public-risk-source.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, problem } from "./route.ts";

/** A stored card, served by presigned links: one to show inline, one that downloads. */
export const CardLinkSchema = z.object({
  url: z.url(),
  downloadUrl: z.url(),
  fileName: z.string(),
  size: CardSizeSchema,
  /** The source version the card shows (a change that prints differently draws a new card). */
  sourceVersion: z.number().int().positive(),
  /** When both links stop working. */
  expiresAt: z.iso.datetime(),
});
export type CardLink = z.infer<typeof CardLinkSchema>;

const tags = ["cards"] as const;

/** The risk notification card (安全风险告知卡, domain.md §6) and its public QR page. */
export const cardsContract = {
  riskSourceCard: {
    method: "GET",
    path: api("/risk-sources/{id}/card"),
    // Who can read the source: its enterprise, the assessors it is delegated to, officials
    // whose jurisdiction covers it. Integrators read the data itself, not the printout.
    access: { roles: [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES, "assessor"] },
    summary: "The source's risk notification card as a PDF (安全风险告知卡), by presigned link",
    tags,
    request: {
      params: z.strictObject({ id: z.string().min(1).max(200) }),
      query: z.strictObject({ size: CardSizeSchema.default("a4") }),
    },
    responses: {
      200: { description: "Links to the card of the source as it stands", schema: CardLinkSchema },
      404: problem("No such source within reach"),
    },
  },
  publicRiskSource: {
    method: "GET",
    path: api("/public/risk-sources/{token}"),
    access: "public",
    summary: "What a card's QR code shows: the source without people or their phones",
    tags,
    request: { params: z.strictObject({ token: z.string().min(10).max(2000) }) },
    responses: {
      200: { description: "The source's public fields", schema: PublicRiskSourceSchema },
      404: problem("Not a card link, or its source is gone"),
      410: problem("The link expired: the source is due for review or the card was replaced"),
    },
  },
} as const satisfies Contract;
