import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { AttributeValue, DynamoDBRecord } from "aws-lambda";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import {
  type Contribution,
  contributionOf,
  warningContributionOf,
} from "../../shared/stats/contribution.ts";
import type { Warning } from "../../shared/warnings/warning.ts";
import type { SourceChange } from "./fold.ts";

/** The stored items the fold reads: a risk source or a warning, by the entity library's tag. */
type Stored =
  | { __edb_e__: "riskSource"; tenantId: string; id: string; version: number; record: RiskSource }
  | { __edb_e__: "warning"; tenantId: string; id: string; version: number; record: Warning };

function read(image: Record<string, AttributeValue> | undefined): Stored | undefined {
  if (!image) return undefined;
  const item = unmarshall(image as Parameters<typeof unmarshall>[0]) as Stored;
  return item.__edb_e__ === "riskSource" || item.__edb_e__ === "warning" ? item : undefined;
}

/** Warnings fold beside sources under an id of their own kind, so the two never collide. */
const foldedIdOf = (item: Stored) =>
  item.__edb_e__ === "warning" ? `warning:${item.id}` : item.id;

const contributionOfItem = (item: Stored): Contribution | null =>
  item.__edb_e__ === "warning" ? warningContributionOf(item.record) : contributionOf(item.record);

/**
 * The change a risk source's (or a warning's) stream record carries. A deletion folds as the
 * version after the last one, contributing nothing; records of other entities carry none.
 */
export function sourceChangeOf(record: DynamoDBRecord): SourceChange | undefined {
  const next = read(record.dynamodb?.NewImage);
  if (next && record.eventName !== "REMOVE") {
    return {
      tenantId: next.tenantId,
      sourceId: foldedIdOf(next),
      version: next.version,
      contribution: contributionOfItem(next),
    };
  }
  const old = read(record.dynamodb?.OldImage);
  if (!old) return undefined;
  return {
    tenantId: old.tenantId,
    sourceId: foldedIdOf(old),
    version: old.version + 1,
    contribution: null,
  };
}
