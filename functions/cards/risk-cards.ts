import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { cardContentOf, publicViewOf } from "../../shared/cards/card-content.ts";
import { linkExpiryOf } from "../../shared/cards/card-link.ts";
import type { CardSize } from "../../shared/cards/card-size.ts";
import type { PublicRiskSource } from "../../shared/cards/public-risk-source.ts";
import type { CardLink } from "../../shared/contracts/cards.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { presignedGet } from "../adapters/s3/presigned-get.ts";
import { s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { loadEnterprise } from "../registry/enterprise-item.ts";
import { loadSource, ownerOf, reachSource, sourceNotFound } from "../registry/source-reach.ts";
import { openCardLink, signCardLink } from "./card-links.ts";
import { renderCardPdf } from "./card-pdf.ts";

/** How long the links the API answers work; every request gives fresh ones. */
export const CARD_LINK_SECONDS = 15 * 60;
const PDF = "application/pdf";

/**
 * Where the card of a source as it stands is kept: `<tenant>/cards/<source>/v<version>-<level>-
 * <size>.pdf`. Any change of the source or its grade bumps its version, so a changed source has
 * no card under its key yet and gets a new one on the next request; an unchanged one is never
 * drawn twice. Older cards stay as the record of what was posted (bucket versioning and
 * lifecycle rules govern how long).
 */
export function cardKeyOf(source: RiskSource, size: CardSize): string {
  return `${source.tenantId}/cards/${source.id}/v${source.version}-${source.currentLevel ?? "ungraded"}-${size}.pdf`;
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: setting("bucketName"), Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === "NotFound") return false;
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

/** Draws the card of the source as it stands and stores it under its key. */
async function drawCard(
  store: Store,
  source: RiskSource,
  size: CardSize,
  webOrigin: string,
  key: string,
  now: Date,
): Promise<void> {
  const expiresAt = linkExpiryOf(source, now);
  const token = await signCardLink(source.id, setting("cardLinkSecret"), expiresAt, now);
  const content = cardContentOf(source, await enterpriseOf(store, source), expiresAt);
  const pdf = await renderCardPdf(content, size, `${webOrigin}/p/${token}`, now);
  await s3.send(
    new PutObjectCommand({
      Bucket: setting("bucketName"),
      Key: key,
      Body: pdf,
      ContentType: PDF,
      Metadata: { "source-version": String(source.version) },
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
  const key = cardKeyOf(source, size);
  if (!(await exists(key))) await drawCard(store, source, size, webOrigin, key, now);
  const fileName = `安全风险告知卡-${source.name}-${size === "a4" ? "A4" : "A5"}.pdf`;
  const bucket = setting("bucketName");
  const [inline, download] = await Promise.all([
    presignedGet(s3, { bucket, key, contentType: PDF }, CARD_LINK_SECONDS, now),
    presignedGet(s3, { bucket, key, fileName, contentType: PDF }, CARD_LINK_SECONDS, now),
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
