import { createHash } from "node:crypto";
import { ulid } from "ulidx";
import { NotFoundError, TooManyRequestsError } from "../../shared/errors.ts";
import {
  dangerPlaceOf,
  type HiddenDangerLevel,
} from "../../shared/hidden-dangers/hidden-danger.ts";
import { reportDanger } from "../../shared/hidden-dangers/lifecycle.ts";
import {
  acceptPublicReport,
  dangerFromPublicReport,
  type PublicReport,
  type PublicReportInput,
  type PublicReportListQuery,
  publicReportFor,
  receivePublicReport,
  rejectPublicReport,
} from "../../shared/hidden-dangers/public-report.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { covers, type Scope } from "../../shared/tenancy/scope.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { openCardLink } from "../cards/card-links.ts";
import { dynamodb } from "../platform/clients.ts";
import { config, setting } from "../platform/config.ts";
import { walkPartitions } from "../platform/data/partition-walk.ts";
import { functionStore, storeForScope } from "../platform/data/request-store.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { countRequest } from "../platform/http/rate-limit.ts";
import { loadSource, ownerOf, sourceNotFound } from "../registry/source-reach.ts";
import { dangerEventStep, ruleSteps } from "./danger-events.ts";
import { dangerActor } from "./danger-reach.ts";
import { createDanger } from "./hidden-danger-item.ts";
import { dangerAudit } from "./hidden-dangers.ts";
import { placePartitions, placeReads } from "./place-partitions.ts";
import { publicReportItem } from "./public-report-item.ts";

/** An address may send this many times a link's quota across the tenant's links per window. */
const ADDRESS_FACTOR = 4;

function reportNotFound(): NotFoundError {
  return new NotFoundError({ zh: "公众举报不存在", en: "Public report not found" });
}

/** A short digest: counters name the link and the address without storing either. */
const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 24);

/**
 * One more report from this link and this address within the window, or 429: the link's own
 * quota, then the address's across the tenant's links (in the source tenant's partition).
 */
async function limitPublicReports(tenantId: string, token: string, address: string, now: Date) {
  const limit = config().publicReportRateLimit;
  const table = { client: dynamodb, tableName: setting("tableName") };
  const byLink = await countRequest(table, tenantId, limit, now.getTime(), `PUB#${digest(token)}`);
  const verdict = byLink.allowed
    ? await countRequest(
        table,
        tenantId,
        { ...limit, limit: limit.limit * ADDRESS_FACTOR },
        now.getTime(),
        `PUBIP#${digest(address)}`,
      )
    : byLink;
  if (!verdict.allowed) {
    throw new TooManyRequestsError(verdict.retryAfterSeconds, {
      zh: "举报过于频繁，请稍后再试",
      en: "Too many reports from this link or address; retry later",
    });
  }
}

/**
 * A report from the source's QR page: the signed link names the source (an expired one 410,
 * anything else 404), the link and the sender's address are rate-limited, and the report is
 * kept `pending` — it counts nowhere until an official accepts it.
 */
export async function submitPublicReport(
  token: string,
  input: PublicReportInput,
  address: string,
  now = new Date(),
): Promise<PublicReport> {
  const sourceId = await openCardLink(token, setting("cardLinkSecret"), now);
  const tenantId = ownerOf(sourceId);
  if (!tenantId) throw sourceNotFound();
  const store = functionStore();
  const source = await loadSource(store, tenantId, sourceId);
  if (!source) throw sourceNotFound();
  await limitPublicReports(tenantId, token, address, now);
  const report = receivePublicReport(
    input,
    {
      id: `${tenantId}~${ulid(now.getTime())}`,
      tenantId,
      riskSourceId: source.id,
      riskSourceName: source.name,
      place: dangerPlaceOf(source),
    },
    now,
  );
  await writeTogether(store, [
    { action: (tx) => tx.publicReport.create(publicReportItem(report)).commit() },
  ]);
  return report;
}

function storeOf(scope: Scope): Store {
  return scope.kind === "tenant" ? storeForScope(scope) : functionStore();
}

/** Reports within reach, newest first; the contact only for officials. */
export async function listPublicReports(
  scope: Scope,
  query: PublicReportListQuery,
): Promise<{ items: PublicReport[]; nextCursor: string | null }> {
  const entity = () => storeOf(scope).entities.publicReport;
  const keep = (r: PublicReport) =>
    (query.status === undefined || r.status === query.status) &&
    (query.riskSourceId === undefined || r.riskSourceId === query.riskSourceId);
  const partitions = placePartitions(scope, placeReads<PublicReport>(entity), keep);
  const page = await walkPartitions(partitions, query.cursor, query.limit);
  const official = scope.kind === "jurisdiction";
  return { ...page, items: page.items.map((r) => publicReportFor(r, official)) };
}

/** A report an official's jurisdiction covers, at the version read; else 404 / 412. */
async function reachReport(scope: Scope, id: string, expected: number) {
  const tenantId = ownerOf(id);
  if (!tenantId || scope.kind !== "jurisdiction") throw reportNotFound();
  const store = functionStore();
  const { data } = await store.entities.publicReport.get({ tenantId, id }).go({ consistent: true });
  const report = data?.record;
  if (!report || !covers(scope.jurisdiction, report.place)) throw reportNotFound();
  if (report.version !== expected) throw staleVersion();
  return { report, store };
}

function putReport(next: PublicReport): WriteStep {
  return {
    action: (tx) =>
      tx.publicReport
        .put(publicReportItem(next))
        .where(({ version }, { eq }) => eq(version, next.version - 1))
        .commit(),
    onConflict: staleVersion,
  };
}

function moderationAudit(caller: Caller, before: PublicReport, after: PublicReport, now: Date) {
  return auditStep(
    auditRecord(
      caller,
      {
        tenantId: after.tenantId,
        action: `publicReport.${after.status === "accepted" ? "accept" : "reject"}`,
        target: { type: "publicReport", id: after.id },
        before: { status: before.status, version: before.version },
        after: {
          status: after.status,
          hiddenDangerId: after.hiddenDangerId,
          rejectReason: after.rejectReason,
        },
      },
      now,
    ),
  );
}

/**
 * Accepts a report: it becomes a hidden danger of its source at the level the official gives,
 * reported by the public, in one unit of work with the report's new status, both audit records,
 * the `hidden-danger.reported` event and — for a major one — the source turning major.
 */
export async function acceptReport(
  caller: Caller,
  scope: Scope,
  id: string,
  level: HiddenDangerLevel,
  expected: number,
  now = new Date(),
): Promise<PublicReport> {
  const { report, store } = await reachReport(scope, id, expected);
  const source = await loadSource(store, report.tenantId, report.riskSourceId);
  if (!source) throw sourceNotFound();
  const danger = dangerFromPublicReport(
    reportDanger(
      {
        riskSourceId: source.id,
        level,
        title: report.title,
        description: report.description,
      },
      {
        id: `${source.tenantId}~${ulid(now.getTime())}`,
        tenantId: source.tenantId,
        riskSourceName: source.name,
        place: dangerPlaceOf(source),
      },
      dangerActor(caller, scope),
      now,
    ),
    report,
  );
  const next = acceptPublicReport(report, danger.id, caller.userId, now);
  await writeTogether(store, [
    putReport(next),
    createDanger(danger),
    ...(level === "major" ? ruleSteps(source, danger, "open", now).steps : []),
    dangerAudit(caller, "report", null, danger, now),
    moderationAudit(caller, report, next, now),
    dangerEventStep("reported", danger, now),
  ]);
  return next;
}

/** Rejects a report with the reason; nothing else changes. */
export async function rejectReport(
  caller: Caller,
  scope: Scope,
  id: string,
  reason: string,
  expected: number,
  now = new Date(),
): Promise<PublicReport> {
  const { report, store } = await reachReport(scope, id, expected);
  const next = rejectPublicReport(report, reason, caller.userId, now);
  await writeTogether(store, [putReport(next), moderationAudit(caller, report, next, now)]);
  return next;
}
