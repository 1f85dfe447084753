import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { AttributeValue, DynamoDBRecord } from "aws-lambda";
import { type Enterprise, placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import {
  type Contribution,
  contributionOf,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import type { Tenant, TenantStatus } from "../../shared/tenancy/tenant.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import type { FoldChange } from "./fold-model.ts";

/** The entities the fold reads, by the entity library's tag. */
export const FOLDED_ENTITIES = [
  "riskSource",
  "warning",
  "tenant",
  "enterprise",
  "reviewNotice",
] as const;

/** The stored items the fold reads. */
export type FoldableItem =
  | { __edb_e__: "riskSource"; tenantId: string; id: string; version: number; record: RiskSource }
  | { __edb_e__: "warning"; tenantId: string; id: string; version: number; record: Warning }
  | { __edb_e__: "tenant"; tenantId: string; version: number; record: Tenant }
  | { __edb_e__: "enterprise"; tenantId: string; version: number; record: Enterprise }
  | { __edb_e__: "reviewNotice"; tenantId: string; sourceId: string; dueAt: string };

function read(image: Record<string, AttributeValue> | undefined): FoldableItem | undefined {
  if (!image) return undefined;
  const item = unmarshall(image as Parameters<typeof unmarshall>[0]) as FoldableItem;
  return (FOLDED_ENTITIES as readonly string[]).includes(item.__edb_e__) ? item : undefined;
}

/** An enterprise tenant's status; other tenants have none (they are no enterprise to cover). */
export const enterpriseStatusOf = (tenant: Tenant): TenantStatus | null =>
  tenant.kind === "enterprise" ? tenant.status : null;

type Versioned = Extract<FoldableItem, { __edb_e__: "riskSource" | "warning" }>;

/** Warnings fold beside sources under an id of their own kind, so the two never collide. */
const foldedIdOf = (item: Versioned) =>
  item.__edb_e__ === "warning" ? `warning:${item.id}` : item.id;

const contributionOfItem = (item: Versioned): Contribution | null =>
  item.__edb_e__ === "warning" ? warningContributionOf(item.record) : contributionOf(item.record);

/**
 * The change a stream record carries for the fold: a risk source's or a warning's new
 * contribution, an enterprise's tenant status or profile place, or a review notice. A deletion folds as the version
 * after the last one, contributing nothing; records of other entities carry none, and neither
 * does a notice's removal (a notice only ever says a due date was missed).
 */
export function foldChangeOf(record: DynamoDBRecord): FoldChange | undefined {
  const removed = record.eventName === "REMOVE";
  const item = read(removed ? record.dynamodb?.OldImage : record.dynamodb?.NewImage);
  return item && foldChangeOfItem(item, removed);
}

/** The change a stored item (or its removal) carries for the fold; see `foldChangeOf`. */
export function foldChangeOfItem(item: FoldableItem, removed = false): FoldChange | undefined {
  if (item.__edb_e__ === "reviewNotice") {
    if (removed) return undefined;
    const { tenantId, sourceId, dueAt } = item;
    return { kind: "reviewNotice", tenantId, sourceId, dueAt };
  }
  const version = removed ? item.version + 1 : item.version;
  if (item.__edb_e__ === "tenant") {
    const status = removed ? null : enterpriseStatusOf(item.record);
    return { kind: "tenant", tenantId: item.tenantId, version, status };
  }
  if (item.__edb_e__ === "enterprise") {
    const place = removed ? null : placeOfEnterprise(item.record);
    return { kind: "enterprise", tenantId: item.tenantId, version, place };
  }
  return {
    tenantId: item.tenantId,
    sourceId: foldedIdOf(item),
    version,
    contribution: removed ? null : contributionOfItem(item),
  };
}
