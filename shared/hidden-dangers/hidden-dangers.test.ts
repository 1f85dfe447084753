import { describe, expect, it } from "vitest";
import { judgeUpload, sniffImage } from "./evidence.ts";
import { closeMajorDanger, openMajorDanger, underDangerRule } from "./grade-rule.ts";
import type { HiddenDanger, RectificationPlan } from "./hidden-danger.ts";
import {
  type DangerActor,
  HiddenDangerTransitionError,
  markOverdue,
  overdueOf,
  planRectification,
  rectifiedOnTime,
  reportDanger,
  takeStep,
} from "./lifecycle.ts";
import { foldDangerStats, periodBounds, periodsToReport, quarterOf } from "./statistics.ts";

const T0 = Date.parse("2026-11-02T02:00:00.000Z");
const day = (n: number) => new Date(T0 + n * 86_400_000);
const staff: DangerActor = { userId: "u-staff", kind: "enterprise" };
const official: DangerActor = { userId: "u-official", kind: "official" };

const PLAN: RectificationPlan = {
  measures: "更换卸油口密封垫，加装静电接地报警器",
  funds: 12000,
  deadline: "2026-11-12",
  responsiblePerson: { name: "王站长", phone: "13800138000" },
  emergencyPlan: "卸油作业暂停；现场配置灭火器与吸附棉",
};

function reported(level: "general" | "major" = "major"): HiddenDanger {
  return reportDanger(
    { riskSourceId: "t-gas~RS1", level, title: "卸油口密封失效", description: "" },
    {
      id: "t-gas~HD1",
      tenantId: "t-gas",
      riskSourceName: "卸油区",
      place: { district: "110105", street: "建外街道", industry: "gas" },
    },
    staff,
    day(0),
  );
}

describe("hidden danger lifecycle (domain.md §7)", () => {
  it("runs reported → planned → rectified → evaluated → accepted → closed, one step each", () => {
    let d = reported();
    expect(d).toMatchObject({ status: "reported", supervised: true, version: 1, dueAt: null });
    d = planRectification(d, PLAN, staff, day(1));
    expect(d).toMatchObject({ status: "planned", dueAt: "2026-11-12T15:59:59.999Z", version: 2 });
    d = takeStep(d, "rectify", staff, day(5));
    expect(d).toMatchObject({ status: "rectified", dueAt: null });
    expect(rectifiedOnTime(d)).toBe(true);
    d = takeStep(d, "evaluate", staff, day(6), "复测无泄漏");
    expect(d).toMatchObject({
      status: "evaluated",
      evaluation: "复测无泄漏",
      acceptanceRequestedAt: day(6).toISOString(),
      dueAt: day(16).toISOString(),
    });
    d = takeStep(d, "accept", official, day(9));
    d = takeStep(d, "close", official, day(9));
    expect(d).toMatchObject({ status: "closed", supervised: false, dueAt: null, version: 6 });
    expect(d.steps.map((s) => s.action)).toEqual([
      "report",
      "plan",
      "rectify",
      "evaluate",
      "accept",
      "close",
    ]);
  });

  it("refuses steps out of order, a plan with a past deadline and an evaluation without text", () => {
    const d = reported();
    expect(() => takeStep(d, "rectify", staff, day(1))).toThrow(HiddenDangerTransitionError);
    expect(() => takeStep(d, "close", official, day(1))).toThrow(HiddenDangerTransitionError);
    expect(() => planRectification(d, { ...PLAN, deadline: "2026-11-01" }, staff, day(1))).toThrow(
      /deadline/,
    );
    const rectified = takeStep(planRectification(d, PLAN, staff, day(1)), "rectify", staff, day(2));
    expect(() => takeStep(rectified, "evaluate", staff, day(3))).toThrow(/evaluation/);
  });

  it("lets only the enterprise rectify, and only officials accept and close a major danger", () => {
    const major = reported("major");
    expect(() => planRectification(major, PLAN, official, day(1))).toThrow(/rectifies/);
    let d = planRectification(major, PLAN, staff, day(1));
    d = takeStep(takeStep(d, "rectify", staff, day(2)), "evaluate", staff, day(2), "ok");
    expect(() => takeStep(d, "accept", staff, day(3))).toThrow(/supervising officials/);
    let general = planRectification(reported("general"), PLAN, staff, day(1));
    general = takeStep(
      takeStep(general, "rectify", staff, day(2)),
      "evaluate",
      staff,
      day(2),
      "ok",
    );
    expect(takeStep(general, "accept", staff, day(3)).status).toBe("accepted");
  });

  it("a rejected acceptance goes back to rectification under the plan's deadline", () => {
    let d = planRectification(reported(), PLAN, staff, day(1));
    d = takeStep(takeStep(d, "rectify", staff, day(2)), "evaluate", staff, day(2), "ok");
    d = takeStep(d, "reject", official, day(3), "仍有渗漏");
    expect(d).toMatchObject({
      status: "planned",
      rectifiedAt: null,
      dueAt: "2026-11-12T15:59:59.999Z",
    });
  });

  it("is overdue once the deadline passes, or acceptance waits more than 10 days; warned once", () => {
    const planned = planRectification(reported(), PLAN, staff, day(1));
    expect(overdueOf(planned, day(10))).toBeUndefined();
    const late = overdueOf(planned, day(11));
    expect(late).toEqual({ kind: "rectification", dueAt: "2026-11-12T15:59:59.999Z" });
    const warned = markOverdue(planned, late as NonNullable<typeof late>, day(11));
    expect(overdueOf(warned, day(20))).toBeUndefined();
    const rectified = takeStep(warned, "rectify", staff, day(12));
    expect(rectifiedOnTime(rectified)).toBe(false);
    const evaluated = takeStep(rectified, "evaluate", staff, day(12), "ok");
    expect(overdueOf(evaluated, day(22))).toBeUndefined();
    expect(overdueOf(evaluated, day(22.01))).toEqual({
      kind: "acceptance",
      dueAt: day(22).toISOString(),
    });
  });
});

describe("open-major-hidden-danger grade rule (domain.md §3 rule 3)", () => {
  it("raises the source to major while any major danger is open and restores the assessed level", () => {
    const source = { currentLevel: "general" as const };
    const one = openMajorDanger(source, "HD1", day(0));
    expect(one).toEqual({
      currentLevel: "major",
      hiddenDangerRule: {
        ruleId: "open-major-hidden-danger",
        hiddenDangerIds: ["HD1"],
        assessedLevel: "general",
        since: day(0).toISOString(),
      },
    });
    const two = openMajorDanger(one, "HD2", day(1));
    expect(openMajorDanger(two, "HD2", day(2))).toBe(two);
    expect(closeMajorDanger(two, "HD1")).toMatchObject({
      currentLevel: "major",
      hiddenDangerRule: { hiddenDangerIds: ["HD2"] },
    });
    expect(closeMajorDanger(closeMajorDanger(two, "HD1"), "HD2")).toEqual({
      currentLevel: "general",
    });
  });

  it("keeps a new assessment's level for later while the rule holds", () => {
    const ruled = openMajorDanger({ currentLevel: "low" as const }, "HD1", day(0));
    const reassessed = underDangerRule(
      { currentLevel: "significant" as const },
      ruled.hiddenDangerRule,
    );
    expect(reassessed).toMatchObject({
      currentLevel: "major",
      hiddenDangerRule: { assessedLevel: "significant" },
    });
    expect(closeMajorDanger(reassessed, "HD1").currentLevel).toBe("significant");
    expect(underDangerRule({ currentLevel: "low" as const }, undefined)).toEqual({
      currentLevel: "low",
    });
  });
});

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(12).fill(0)]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);

describe("evidence uploads: type by content, size by limit", () => {
  it("reads the image type from the magic bytes", () => {
    expect(sniffImage(PNG)).toBe("image/png");
    expect(sniffImage(JPEG)).toBe("image/jpeg");
    expect(sniffImage(WEBP)).toBe("image/webp");
    expect(sniffImage(bytes(0x47, 0x49, 0x46, 0x38))).toBe("image/gif");
    expect(sniffImage(new TextEncoder().encode("%PDF-1.7 photo.png"))).toBeUndefined();
  });

  it("judges a completed upload against what was declared", () => {
    const declared = { contentType: "image/png", size: 2000 };
    expect(judgeUpload(declared, { size: 2000, head: PNG })).toEqual({
      ok: true,
      contentType: "image/png",
    });
    expect(judgeUpload(declared, undefined)).toEqual({ ok: false, reason: "missing" });
    expect(judgeUpload(declared, { size: 2001, head: PNG })).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    expect(judgeUpload({ ...declared, size: 20e6 }, { size: 11e6, head: PNG })).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    expect(judgeUpload(declared, { size: 10, head: JPEG })).toEqual({
      ok: false,
      reason: "typeMismatch",
    });
    expect(judgeUpload(declared, { size: 10, head: bytes(0x4d, 0x5a) })).toEqual({
      ok: false,
      reason: "notImage",
    });
  });
});

describe("quarterly and yearly statistics (domain.md §7)", () => {
  it("bounds periods in Beijing time with their reporting deadlines", () => {
    expect(periodBounds("2026-Q4")).toEqual({
      kind: "quarter",
      start: new Date("2026-09-30T16:00:00.000Z"),
      end: new Date("2026-12-31T16:00:00.000Z"),
      reportDueAt: new Date("2027-01-15T15:59:59.999Z"),
    });
    expect(periodBounds("2026-Q1").reportDueAt).toEqual(new Date("2026-04-15T15:59:59.999Z"));
    expect(periodBounds("2026")).toMatchObject({
      kind: "year",
      start: new Date("2025-12-31T16:00:00.000Z"),
      reportDueAt: new Date("2027-01-31T15:59:59.999Z"),
    });
    expect(quarterOf(new Date("2026-12-31T17:00:00.000Z"))).toBe("2027-Q1");
  });

  it("names the periods to report while their deadlines are ahead (the quarterly reminder)", () => {
    // 1 January 09:00 Beijing: the fourth quarter and the year just ended.
    expect(periodsToReport(new Date("2027-01-01T01:00:00.000Z"))).toEqual(["2026-Q4", "2026"]);
    // After the quarter's 15 January deadline, the year's (31 January) is still ahead.
    expect(periodsToReport(new Date("2027-01-20T01:00:00.000Z"))).toEqual(["2026"]);
    expect(periodsToReport(new Date("2027-04-01T01:00:00.000Z"))).toEqual(["2027-Q1"]);
    // The last instant of the deadline still counts; the next does not.
    expect(periodsToReport(new Date("2027-04-15T15:59:59.999Z"))).toEqual(["2027-Q1"]);
    expect(periodsToReport(new Date("2027-04-15T16:00:00.000Z"))).toEqual([]);
    expect(periodsToReport(new Date("2027-02-10T01:00:00.000Z"))).toEqual([]);
  });

  it("counts the period's dangers by level and status, rectified on time, supervised", () => {
    const open = reported("major");
    const onTime = takeStep(
      planRectification(reported("general"), PLAN, staff, day(1)),
      "rectify",
      staff,
      day(2),
    );
    const lastYear = { ...reported("general"), createdAt: "2025-11-01T00:00:00.000Z" };
    const stats = foldDangerStats("2026-Q4", [open, onTime, lastYear]);
    expect(stats).toMatchObject({
      total: 2,
      byLevel: { general: 1, major: 1 },
      byStatus: { reported: 1, rectified: 1, planned: 0, closed: 0 },
      rectified: 1,
      rectifiedOnTime: 1,
      supervised: 1,
    });
  });
});
