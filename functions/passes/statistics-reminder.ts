import type { EventEnvelope } from "../../events/envelope.ts";
import * as statisticsDue from "../../events/hidden-danger-statistics-due.v1.ts";
import {
  foldDangerStats,
  type HiddenDangerStats,
  periodsToReport,
} from "../../shared/hidden-dangers/statistics.ts";
import type { Enterprise } from "../../shared/risk/enterprise.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { MailMessage } from "../adapters/mail/mailer.ts";
import { attemptTogether } from "../platform/data/unit-of-work.ts";
import { eventStep } from "../platform/outbox/event-step.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";
import { loadTenant } from "../tenancy/tenant-records.ts";
import {
  DISTRICT_SHARD_SEGMENTS,
  datedPassId,
  districtShardOf,
  type PassPlan,
} from "./pass-runner.ts";

const PAGE = 100;

/** The `hidden-danger.statistics-due` envelope of one enterprise and period. */
export function statisticsDueEnvelope(
  enterprise: Enterprise,
  stats: HiddenDangerStats,
  now: Date,
): EventEnvelope {
  const data: statisticsDue.HiddenDangerStatisticsDueV1 = {
    ...stats,
    enterpriseName: enterprise.name,
  };
  return {
    // The same on every re-run: webhook receivers deduplicate on it.
    id: `${statisticsDue.type}~${enterprise.tenantId}~${stats.period}`,
    type: statisticsDue.type,
    version: statisticsDue.version,
    occurredAt: now.toISOString(),
    subject: {
      tenantId: enterprise.tenantId,
      district: enterprise.district,
      street: enterprise.street,
      industry: enterprise.industry,
    },
    data,
  };
}

const beijingDate = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The reminder to an enterprise's administrators, in both product languages. */
export function statisticsReminderMail(
  to: readonly string[],
  enterpriseName: string,
  stats: HiddenDangerStats,
): MailMessage {
  const due = beijingDate(stats.reportDueAt);
  const figures = {
    zh: `本期排查隐患 ${stats.total} 项（重大 ${stats.byLevel.major} 项），已整改 ${stats.rectified} 项，其中按期整改 ${stats.rectifiedOnTime} 项；挂牌督办 ${stats.supervised} 项。`,
    en: `${stats.total} hidden dangers found (${stats.byLevel.major} major), ${stats.rectified} rectified, ${stats.rectifiedOnTime} of them on time; ${stats.supervised} under supervision.`,
  };
  return {
    to: [...to],
    subject: `隐患排查治理统计待上报 / Hidden-danger statistics due — ${stats.period}`,
    text: [
      `${enterpriseName}：`,
      `请于 ${due} 前上报 ${stats.period} 隐患排查治理统计。平台统计：${figures.zh}`,
      "可在“隐患排查治理”页面核对明细后上报。",
      "",
      `${enterpriseName}:`,
      `The hidden-danger statistics for ${stats.period} are due by ${due}. As the platform counted them: ${figures.en}`,
      "Check the details on the Hidden dangers page before reporting.",
    ].join("\n"),
  };
}

/** The addresses of an enterprise's active administrators. */
async function adminsOf(store: Store, tenantId: string): Promise<string[]> {
  const { data } = await store.entities.user.query.byTenant({ tenantId }).go({ pages: "all" });
  return data
    .map((u) => u.record)
    .filter((u) => u.role === "enterpriseAdmin" && u.status === "active")
    .map((u) => u.email);
}

/**
 * The quarterly hidden-danger statistics reminder (domain.md §7: a quarter's statistics are due
 * by the 15th of the next, a year's by 31 January): every active enterprise is told, once per
 * period, the figures the platform counted and the deadline — by e-mail to its administrators
 * and as a `hidden-danger.statistics-due` event to its webhooks. A claim per (enterprise,
 * period) joins the outbox messages' transaction and refuses the second, so a re-run, or a
 * second start within the period, reminds nobody twice. Segments are district × shard of the
 * enterprise index: the enterprises, never the registry's sources.
 */
export function statisticsReminderPlan(
  store: Store,
  now: Date,
  pageSize = PAGE,
): PassPlan<Enterprise> {
  const id = datedPassId("statistics-reminder", now);
  const periods = periodsToReport(now);
  return {
    id,
    kind: "statistics-reminder",
    segments: DISTRICT_SHARD_SEGMENTS,
    readPage: async (segment, cursor) => {
      if (periods.length === 0) return { items: [], cursor: null };
      const { district, shard } = districtShardOf(segment);
      const page = await store.entities.enterprise.query
        .byDistrict({ district, shard })
        .go({ cursor, limit: pageSize });
      return { items: page.data.map((item) => item.record), cursor: page.cursor };
    },
    act: async (enterprise) => {
      const { tenantId } = enterprise;
      if ((await loadTenant(store, tenantId))?.record.status !== "active") return false;
      const [dangers, admins] = await Promise.all([
        store.entities.hiddenDanger.query.byTenant({ tenantId }).go({ pages: "all" }),
        adminsOf(store, tenantId),
      ]);
      let reminded = false;
      for (const period of periods) {
        const stats = foldDangerStats(
          period,
          dangers.data.map((d) => d.record),
        );
        const envelope = statisticsDueEnvelope(enterprise, stats, now);
        const outcome = await attemptTogether(store, [
          {
            action: (tx) =>
              tx.uniqueClaim
                .create({
                  kind: "statisticsReminder",
                  value: `${tenantId}#${period}`,
                  tenantId,
                  ownerId: id,
                })
                .commit(),
          },
          eventStep(envelope, now),
          ...(admins.length > 0
            ? [
                outboxStep(
                  tenantId,
                  { channel: "mail", mail: statisticsReminderMail(admins, enterprise.name, stats) },
                  now,
                ),
              ]
            : []),
        ]);
        reminded ||= outcome.committed;
      }
      return reminded;
    },
  };
}
