import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { AttributeValue, DynamoDBRecord } from "aws-lambda";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { contributionOf } from "../../shared/stats/contribution.ts";
import type { SourceChange } from "./fold.ts";

interface StoredSource {
  tenantId: string;
  id: string;
  version: number;
  record: RiskSource;
}

function read(image: Record<string, AttributeValue> | undefined): StoredSource | undefined {
  if (!image) return undefined;
  return unmarshall(image as Parameters<typeof unmarshall>[0]) as StoredSource;
}

/**
 * The change a risk source's stream record carries. A deletion folds as the version after the
 * last one, contributing nothing; records of other entities carry none.
 */
export function sourceChangeOf(record: DynamoDBRecord): SourceChange | undefined {
  const next = read(record.dynamodb?.NewImage);
  if (next && record.eventName !== "REMOVE") {
    return {
      tenantId: next.tenantId,
      sourceId: next.id,
      version: next.version,
      contribution: contributionOf(next.record),
    };
  }
  const old = read(record.dynamodb?.OldImage);
  if (!old) return undefined;
  return { tenantId: old.tenantId, sourceId: old.id, version: old.version + 1, contribution: null };
}
