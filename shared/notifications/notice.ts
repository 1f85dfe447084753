import type { Level } from "../methodology/levels.ts";
import type { ChainStep } from "../warnings/escalation.ts";
import type { WarningRule } from "../warnings/rules.ts";

/** The warning events officials are told about by text and e-mail. */
export const NOTIFIED_EVENT_TYPES = [
  "warning.raised",
  "warning.escalated",
  "warning.resolved",
] as const;
export type NotifiedEventType = (typeof NOTIFIED_EVENT_TYPES)[number];

/** What a text or e-mail says about one warning event (read from its envelope). */
export interface Notice {
  eventId: string;
  eventType: NotifiedEventType;
  tenantId: string;
  warningId: string;
  riskSourceId: string;
  riskSourceName: string;
  enterpriseName: string;
  rule: WarningRule;
  level: Level;
  step: ChainStep;
  place: { district: string; street: string; industry: string };
  occurredAt: string;
}

type Language = "zh" | "en";

const LEVEL_NAME: Readonly<Record<Level, Record<Language, string>>> = {
  major: { zh: "红色（重大）", en: "Red (major)" },
  significant: { zh: "橙色（较大）", en: "Orange (significant)" },
  general: { zh: "黄色（一般）", en: "Yellow (general)" },
  low: { zh: "蓝色（低）", en: "Blue (low)" },
};

const RULE_NAME: Readonly<Record<WarningRule, Record<Language, string>>> = {
  "threshold-sustained": { zh: "监测值持续超限", en: "sustained threshold breach" },
  "threshold-predicted": { zh: "预测超限", en: "predicted threshold breach" },
  "assessed-major": { zh: "评估为重大风险", en: "assessed as major" },
  "review-overdue": { zh: "复评逾期", en: "review overdue" },
  "sensor-stale": { zh: "传感器离线", en: "sensor silent" },
  "hidden-danger-overdue": { zh: "隐患整改逾期", en: "hidden danger overdue" },
  "plan-missing": { zh: "重大风险源缺少应急预案", en: "major source without an emergency plan" },
  "drill-overdue": { zh: "应急演练逾期", en: "emergency drill overdue" },
};

const WHAT: Readonly<Record<NotifiedEventType, Record<Language, string>>> = {
  "warning.raised": { zh: "预警", en: "warning" },
  "warning.escalated": { zh: "预警升级", en: "warning escalated" },
  "warning.resolved": { zh: "预警已处置", en: "warning resolved" },
};

/** One line naming the warning: level, what, where, which rule. */
export function noticeLine(notice: Notice, language: Language): string {
  const level = LEVEL_NAME[notice.level][language];
  const rule = RULE_NAME[notice.rule][language];
  const what = WHAT[notice.eventType][language];
  return language === "zh"
    ? `${level}${what}：${notice.enterpriseName}「${notice.riskSourceName}」${rule}`
    : `${level} ${what}: ${notice.enterpriseName} "${notice.riskSourceName}", ${rule}`;
}

/** A text message: short (one or two SMS segments), with what to do. */
export function smsText(notice: Notice, language: Language): string {
  const act =
    notice.eventType === "warning.resolved"
      ? ""
      : language === "zh"
        ? "，请登录城市安全风险云签收处置。"
        : ". Please acknowledge it in CityRisk.";
  return `${language === "zh" ? "【城市安全风险云】" : "[CityRisk] "}${noticeLine(notice, language)}${act}`;
}

/** The template parameters a mainland provider's approved template fills in. */
export function smsTemplateParams(notice: Notice): Record<string, string> {
  return {
    level: LEVEL_NAME[notice.level].zh,
    enterprise: notice.enterpriseName.slice(0, 20),
    source: notice.riskSourceName.slice(0, 20),
    rule: RULE_NAME[notice.rule].zh,
  };
}

/**
 * The digest template's variables (Aliyun: `${count}` warnings held back, `${first}` the
 * first of them): each value within the carriers' 20-character limit for a variable.
 */
export function digestTemplateParams(
  lines: readonly string[],
  total: number,
): Record<string, string> {
  return { count: String(total), first: (lines[0] ?? "").slice(0, 20) };
}

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An e-mail about one warning event, in the recipient's language, text and HTML alike. */
export function noticeMail(notice: Notice, language: Language, link: string): MailText {
  const line = noticeLine(notice, language);
  const parts =
    language === "zh"
      ? [
          line,
          `发生时间：${notice.occurredAt}`,
          `预警编号：${notice.warningId}`,
          `查看与签收：${link}`,
        ]
      : [
          line,
          `At: ${notice.occurredAt}`,
          `Warning: ${notice.warningId}`,
          `View and acknowledge: ${link}`,
        ];
  return {
    subject: language === "zh" ? `【城市安全风险云】${line}` : `[CityRisk] ${line}`,
    text: parts.join("\n"),
    html: `<!doctype html><html lang="${language === "zh" ? "zh-CN" : "en"}"><body>${parts
      .slice(0, -1)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join(
        "",
      )}<p><a href="${escapeHtml(link)}">${escapeHtml(parts.at(-1) ?? "")}</a></p></body></html>`,
  };
}

/** The digest of what was folded (rate limit, quiet hours): a count and one line each. */
export function digestText(lines: readonly string[], total: number, language: Language): MailText {
  const head =
    language === "zh"
      ? `【城市安全风险云】预警汇总：共 ${total} 条`
      : `[CityRisk] Warning digest: ${total} in all`;
  const more =
    total > lines.length
      ? [
          language === "zh"
            ? `……另有 ${total - lines.length} 条`
            : `… and ${total - lines.length} more`,
        ]
      : [];
  const body = [...lines, ...more];
  return {
    subject: head,
    text: [head, ...body].join("\n"),
    html: `<!doctype html><html><body><p>${escapeHtml(head)}</p><ul>${body
      .map((l) => `<li>${escapeHtml(l)}</li>`)
      .join("")}</ul></body></html>`,
  };
}
