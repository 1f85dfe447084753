import { cardsContract } from "../../shared/contracts/cards.ts";
import type { FunctionDefinition } from "../platform/manifest-types.ts";

/**
 * Its own function: pdfkit, fontkit and the CJK font would double the registry's bundle and
 * cold start for a route printed now and then.
 */
export const cardsApi: FunctionDefinition = {
  id: "cards-api",
  description:
    "Risk notification cards (安全风险告知卡) as PDF, and the public page of their QR code",
  handler: "functions/cards/cards-api.handler.ts",
  routes: cardsContract,
  // readWrite: officials' reads of a source are audited (functions/audit).
  table: "readWrite",
  bucket: "readWrite",
  signsCardLinks: true,
  assets: ["functions/cards/fonts"],
  memoryMb: 1024,
  timeoutSeconds: 20,
};
