import { createHash } from "node:crypto";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { type CardContent, cardContentOf, publicViewOf } from "../../shared/cards/card-content.ts";
import { linkExpiryOf } from "../../shared/cards/card-link.ts";
import type { CardSize } from "../../shared/cards/card-size.ts";
import type { PublicRiskSource } from "../../shared/cards/public-risk-source.ts";
import type { CardLink } from "../../shared/contracts/cards.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { presignedGet } from "../adapters/s3/presigned-get.ts";
import { browserS3, s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { loadSource, ownerOf, reachSource, sourceNotFound } from "../registry/source-reach.ts";
import { openCardLink, signCardLink } from "./card-links.ts";
import { renderCardPdf } from "./card-pdf.ts";

/** How long the links the API answers work; every request gives fresh ones. */
export const CARD_LINK_SECONDS = 15 * 60;
const PDF = "application/pdf";

/** A stored card whose QR link ends within this is drawn again with a fresh link. */
export const RENEW_BEFORE_DAYS = 7;
const DAY = 86_400_000;

/**
 * Where the card of a source as it stands is kept: `<tenant>/cards/<source>/<level>-<digest>-
 * <size>.pdf`, the digest over everything the card prints (the source, its grade, the
 * enterprise's name and duty phone), the review date its link follows and the web origin the
 * link points to. A change to any of them means no card under the key yet, so the next request
 * draws one; a change that prints nothing new (an accepted review, a moved map pin) draws none.
 * Older cards stay as the record of what was posted (bucket versioning and lifecycle rules).
 */
export function cardKeyOf(
  source: RiskSource,
  content: CardContent,
  size: CardSize,
  webOrigin: string,
): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([content, source.nextReviewAt, size, webOrigin]))
    .digest("hex")
    .slice(0, 16);
  return `${source.tenantId}/cards/${source.id}/${source.currentLevel ?? "ungraded"}-${digest}-${size}.pdf`;
}

/** When the QR link of the card stored under `key` ends; undefined when there is none. */
async function storedLinkExpiry(key: string): Promise<Date | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: setting("bucketName"), Key: key }));
    const at = Date.parse(head.Metadata?.["link-expires-at"] ?? "");
    return Number.isNaN(at) ? new Date(0) : new Date(at);
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === "NotFound") return undefined;
    throw error;
  }
}

async function enterpriseOf(store: Store, source: RiskSource) {
  const enterprise = await loadEnterprise(store, source.tenantId);
  return {
    name: enterprise?.name ?? "",
    // The enterprise's safety contact answers its duty line (值班电话) on the card.
    dutyPhone: enterprise?.safetyContact.phone ?? source.responsiblePerson.phone,
  };
}

/** Draws the card with a fresh QR link and stores it under its key. */
async function drawCard(
  source: RiskSource,
  content: CardContent,
  size: CardSize,
  webOrigin: string,
  key: string,
  now: Date,
): Promise<void> {
  const expiresAt = linkExpiryOf(source, now);
  const token = await signCardLink(source.id, setting("cardLinkSecret"), expiresAt, now);
  const pdf = await renderCardPdf(content, size, `${webOrigin}/p/${token}`, now);
  await s3.send(
    new PutObjectCommand({
      Bucket: setting("bucketName"),
      Key: key,
      Body: pdf,
      ContentType: PDF,
      Metadata: {
        "source-version": String(source.version),
        "link-expires-at": expiresAt.toISOString(),
      },
    }),
  );
}

/**
 * The card of a source the caller may reach (enterprise, delegated assessor, official in
 * jurisdiction — else 404), drawn only when its source changed since the last one.
 */
export async function riskSourceCard(
  caller: Caller,
  scope: Scope,
  id: string,
  size: CardSize,
  webOrigin: string,
  now = new Date(),
): Promise<CardLink> {
  const { source, store } = await reachSource(caller, scope, id, "read");
  const content = cardContentOf(source, await enterpriseOf(store, source));
  const key = cardKeyOf(source, content, size, webOrigin);
  const linkEnds = await storedLinkExpiry(key);
  // Drawn when nothing is stored for this content, or its QR link is about to end.
  if (!linkEnds || linkEnds.getTime() < now.getTime() + RENEW_BEFORE_DAYS * DAY) {
    await drawCard(source, content, size, webOrigin, key, now);
  }
  const fileName = `安全风险告知卡-${source.name}-${size === "a4" ? "A4" : "A5"}.pdf`;
  const bucket = setting("bucketName");
  const [inline, download] = await Promise.all([
    presignedGet(browserS3(), { bucket, key, contentType: PDF }, CARD_LINK_SECONDS, now),
    presignedGet(browserS3(), { bucket, key, fileName, contentType: PDF }, CARD_LINK_SECONDS, now),
  ]);
  return {
    url: inline.url,
    downloadUrl: download.url,
    fileName,
    size,
    sourceVersion: source.version,
    expiresAt: inline.expiresAt.toISOString(),
  };
}

/** What a card's QR code opens: the source as it stands now, without people or phones. */
export async function publicRiskSource(token: string, now = new Date()): Promise<PublicRiskSource> {
  const id = await openCardLink(token, setting("cardLinkSecret"), now);
  const tenantId = ownerOf(id);
  if (!tenantId) throw sourceNotFound();
  const store = functionStore();
  const source = await loadSource(store, tenantId, id);
  if (!source) throw sourceNotFound();
  const enterprise = await enterpriseOf(store, source);
  return publicViewOf(source, enterprise.name, linkExpiryOf(source, now));
}
