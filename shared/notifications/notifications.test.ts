import { describe, expect, it } from "vitest";
import {
  beijingDay,
  decideDelivery,
  RATE_LIMITS,
  rateWindow,
  SMS_DAILY_CAP_PER_NUMBER,
  SMS_RED_RESERVE,
  sendLimits,
} from "./delivery-decision.ts";
import { type Notice, noticeMail, smsText } from "./notice.ts";
import {
  DEFAULT_PREFERENCES,
  type NotificationPreferencesInput,
  NotificationPreferencesInputSchema,
} from "./preferences.ts";
import { quietUntil } from "./quiet-hours.ts";
import { type Candidate, recipientsAt, withResponsiblePerson } from "./recipients.ts";

const CHAOYANG_GAS = { district: "110105", street: "建外街道", industry: "gas" };
// 23:30 and 12:00 Beijing time (UTC+8).
const NIGHT = new Date("2026-12-01T15:30:00Z");
const NOON = new Date("2026-12-01T04:00:00Z");

function candidate(
  userId: string,
  role: Candidate["role"],
  jurisdiction: string,
  tenantId = `t-${userId}`,
): Candidate {
  return { tenantId, userId, role, jurisdiction, email: `${userId}@x.demo`, phone: "13900000001" };
}

const PEOPLE: Candidate[] = [
  candidate("owner", "enterpriseAdmin", "d:110105;i:gas", "t-gas"),
  candidate("other-owner", "enterpriseAdmin", "d:110105;i:gas", "t-other"),
  candidate("chaoyang", "districtOfficial", "d:110105"),
  candidate("haidian", "districtOfficial", "d:110108"),
  candidate("gas-dept", "industryOfficial", "i:gas"),
  candidate("city", "cityAdmin", "*"),
];

describe("recipients along the responsibility chain (domain.md §5)", () => {
  const ids = (step: Parameters<typeof recipientsAt>[0], people = PEOPLE) =>
    recipientsAt(step, CHAOYANG_GAS, "t-gas", people).map((r) => `${r.userId}@${r.step}`);

  it("a new warning reaches the enterprise and the nearest officials with someone registered", () => {
    // No street official is registered: the district stands in for the street.
    expect(ids("street")).toEqual(["owner@enterprise", "chaoyang@district", "gas-dept@district"]);
    const withStreet = [...PEOPLE, candidate("jianwai", "streetOfficial", "d:110105/建外街道")];
    expect(ids("street", withStreet)).toEqual(["owner@enterprise", "jianwai@street"]);
    // Warnings raised before the street step came first start at the enterprise: the same people.
    expect(ids("enterprise", withStreet)).toEqual(["owner@enterprise", "jianwai@street"]);
  });

  it("an escalated warning reaches the step it climbed to, never another jurisdiction's", () => {
    // The district and the industry department are one step (domain.md §5).
    expect(ids("district")).toEqual(["chaoyang@district", "gas-dept@district"]);
    expect(ids("industry")).toEqual(["chaoyang@district", "gas-dept@district"]);
    expect(ids("city")).toEqual(["city@city"]);
  });

  it("texts the source's responsible person at the first line, once per number", () => {
    const person = { tenantId: "t-gas", riskSourceId: "rs-1", name: "王五", phone: "13700137000" };
    const first = recipientsAt("enterprise", CHAOYANG_GAS, "t-gas", PEOPLE);
    const withPerson = withResponsiblePerson(first, "enterprise", person);
    expect(withPerson.map((r) => `${r.userId}@${r.step}`)).toEqual([
      ...first.map((r) => `${r.userId}@${r.step}`),
      "responsible:rs-1@enterprise",
    ]);
    expect(withPerson.at(-1)).toMatchObject({ phone: "13700137000", email: "" });
    // Escalated past the first line, the officials alone.
    const district = recipientsAt("district", CHAOYANG_GAS, "t-gas", PEOPLE);
    expect(withResponsiblePerson(district, "district", person)).toEqual(district);
    // The enterprise's admin has the same mobile: their own delivery reaches it.
    const same = { ...person, phone: "13900000001" };
    expect(withResponsiblePerson(first, "street", same)).toEqual(first);
  });
});

describe("preferences", () => {
  const red = (off: "sms" | "email" | "inApp") => ({
    ...DEFAULT_PREFERENCES,
    channels: {
      ...DEFAULT_PREFERENCES.channels,
      major: { sms: true, email: true, inApp: true, [off]: false },
    },
  });

  it("refuses muting red on any channel, naming the field", () => {
    for (const off of ["sms", "email", "inApp"] as const) {
      const parsed = NotificationPreferencesInputSchema.safeParse(red(off));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["channels", "major", off]);
    }
    expect(NotificationPreferencesInputSchema.safeParse(DEFAULT_PREFERENCES).success).toBe(true);
  });

  it("quiet hours hold blue and yellow only, until they end (Beijing time, across midnight)", () => {
    const quiet = { enabled: true, start: "22:00", end: "07:00" };
    expect(quietUntil(quiet, "low", NIGHT)?.toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(quietUntil(quiet, "general", NIGHT)).toBeDefined();
    expect(quietUntil(quiet, "significant", NIGHT)).toBeUndefined();
    expect(quietUntil(quiet, "major", NIGHT)).toBeUndefined();
    expect(quietUntil(quiet, "low", NOON)).toBeUndefined();
    expect(quietUntil({ ...quiet, enabled: false }, "low", NIGHT)).toBeUndefined();
    const lunch = { enabled: true, start: "11:30", end: "13:00" };
    expect(quietUntil(lunch, "low", NOON)?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("decides per level and channel: muted, held, sent; red always sent", () => {
    const mutedYellow: NotificationPreferencesInput = {
      ...DEFAULT_PREFERENCES,
      channels: {
        ...DEFAULT_PREFERENCES.channels,
        general: { sms: false, email: false, inApp: true },
      },
    };
    expect(decideDelivery(mutedYellow, "general", "email", NOON)).toEqual({ kind: "muted" });
    expect(decideDelivery(mutedYellow, "low", "email", NOON)).toEqual({ kind: "send" });
    expect(decideDelivery(mutedYellow, "low", "email", NIGHT).kind).toBe("hold");
    expect(decideDelivery(mutedYellow, "major", "sms", NIGHT)).toEqual({ kind: "send" });
    // A stored oddity (written before the rule) still cannot silence red.
    const odd = {
      ...DEFAULT_PREFERENCES,
      channels: {
        ...DEFAULT_PREFERENCES.channels,
        major: { sms: false, email: false, inApp: false },
      },
    };
    expect(decideDelivery(odd, "major", "sms", NOON)).toEqual({ kind: "send" });
  });

  it("counts in fixed windows: the hour for the rate limit, the Beijing day for the number cap", () => {
    expect(rateWindow("sms", NOON).endsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(beijingDay(NIGHT).endsAt.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(beijingDay(NOON).day).toBe(beijingDay(new Date("2026-12-01T15:59:59Z")).day);
  });

  it("lets red past the hourly limit and keeps the last of the number's daily cap for red", () => {
    const reserved = SMS_DAILY_CAP_PER_NUMBER - SMS_RED_RESERVE;
    expect(SMS_RED_RESERVE).toBeGreaterThan(0);
    expect(reserved).toBeGreaterThan(0);
    expect(sendLimits("sms", "major")).toEqual({
      window: undefined,
      numberDay: SMS_DAILY_CAP_PER_NUMBER,
    });
    for (const level of ["significant", "general", "low"] as const) {
      expect(sendLimits("sms", level)).toEqual({
        window: RATE_LIMITS.sms.limit,
        numberDay: reserved,
      });
      // E-mail has no per-number cap at any level.
      expect(sendLimits("email", level)).toEqual({
        window: RATE_LIMITS.email.limit,
        numberDay: undefined,
      });
    }
    expect(sendLimits("email", "major")).toEqual({ window: undefined, numberDay: undefined });
  });
});

describe("notice texts", () => {
  const notice: Notice = {
    eventId: "e1",
    eventType: "warning.raised",
    tenantId: "t-gas",
    warningId: "t-gas~W1",
    riskSourceId: "rs-1",
    riskSourceName: "储罐区",
    enterpriseName: "示范加油站",
    rule: "assessed-major",
    level: "major",
    step: "enterprise",
    place: CHAOYANG_GAS,
    occurredAt: "2026-12-01T04:00:00.000Z",
  };

  it("texts and mails in the recipient's language, HTML escaped", () => {
    expect(smsText(notice, "zh")).toBe(
      "【城市安全风险云】红色（重大）预警：示范加油站「储罐区」评估为重大风险，请登录城市安全风险云签收处置。",
    );
    expect(smsText(notice, "en")).toContain(
      'Red (major) warning: 示范加油站 "储罐区", assessed as major',
    );
    const mail = noticeMail(
      { ...notice, riskSourceName: "<b>罐</b>" },
      "en",
      "http://x/warnings?id=1",
    );
    expect(mail.subject).toContain("[CityRisk]");
    expect(mail.html).not.toContain("<b>");
    expect(mail.text).toContain("View and acknowledge: http://x/warnings?id=1");
  });
});
