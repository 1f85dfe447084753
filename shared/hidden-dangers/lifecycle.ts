import { ConflictError, ForbiddenError, ValidationError } from "../errors.ts";
import type {
  HiddenDanger,
  HiddenDangerAction,
  HiddenDangerReportInput,
  HiddenDangerStatus,
  RectificationPlan,
} from "./hidden-danger.ts";

/** Acceptance is due within 10 days of the request (安监总局令第16号, domain.md §7). */
export const ACCEPTANCE_DAYS = 10;
const DAY_MS = 86_400_000;

/** Who acts: the enterprise's own people, or an official of the source's jurisdiction. */
export interface DangerActor {
  userId: string;
  kind: "enterprise" | "official";
}

/** Every status but `closed` (销号) is open. */
export function isOpen(status: HiddenDangerStatus): boolean {
  return status !== "closed";
}

/**
 * The instant a deadline ends: a date alone means the end of that day in Beijing (UTC+8),
 * where the enterprise reads it.
 */
export function deadlineInstant(deadline: string): Date {
  return new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T23:59:59.999+08:00` : deadline,
  );
}

export class HiddenDangerTransitionError extends ConflictError {
  constructor(action: HiddenDangerAction, status: HiddenDangerStatus) {
    super({
      zh: `隐患当前状态（${status}）不能执行该操作（${action}）`,
      en: `A hidden danger in status ${status} cannot take the step ${action}`,
    });
  }
}

export interface NewDangerContext {
  id: string;
  tenantId: string;
  riskSourceName: string;
  place: HiddenDanger["place"];
}

/** A hidden danger as found and graded: reported, major ones listed for supervision at once. */
export function reportDanger(
  input: HiddenDangerReportInput,
  context: NewDangerContext,
  actor: DangerActor,
  now: Date,
): HiddenDanger {
  const at = now.toISOString();
  return {
    id: context.id,
    tenantId: context.tenantId,
    riskSourceId: input.riskSourceId,
    riskSourceName: context.riskSourceName,
    place: context.place,
    level: input.level,
    title: input.title,
    description: input.description,
    status: "reported",
    reportedBy: actor.userId,
    reporterKind: actor.kind,
    plan: null,
    dueAt: null,
    rectifiedAt: null,
    evaluation: null,
    acceptanceRequestedAt: null,
    acceptedAt: null,
    closedAt: null,
    supervised: input.level === "major",
    overdueWarnedFor: null,
    evidence: [],
    steps: [{ action: "report", at, by: actor.userId }],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

function advance(
  danger: HiddenDanger,
  action: HiddenDangerAction,
  actor: DangerActor | undefined,
  now: Date,
  changes: Partial<HiddenDanger>,
  note?: string,
): HiddenDanger {
  const at = now.toISOString();
  return {
    ...danger,
    ...changes,
    steps: [
      ...danger.steps,
      {
        action,
        at,
        ...(actor ? { by: actor.userId } : {}),
        ...(note === undefined ? {} : { note }),
      },
    ],
    version: danger.version + 1,
    updatedAt: at,
  };
}

function enterpriseOnly(actor: DangerActor): void {
  if (actor.kind !== "enterprise") {
    throw new ForbiddenError({
      zh: "整改由企业负责（五到位）",
      en: "The enterprise rectifies its hidden dangers",
    });
  }
}

/** A major danger is accepted and closed by its supervisor; a general one also by the enterprise. */
function acceptorOnly(danger: HiddenDanger, actor: DangerActor): void {
  if (danger.level === "major" && actor.kind !== "official") {
    throw new ForbiddenError({
      zh: "重大隐患由属地监管部门验收销号",
      en: "A major hidden danger is accepted and closed by its supervising officials",
    });
  }
}

function expect(danger: HiddenDanger, action: HiddenDangerAction, from: HiddenDangerStatus[]) {
  if (!from.includes(danger.status)) throw new HiddenDangerTransitionError(action, danger.status);
}

/**
 * The rectification plan (五到位): made once reported, revised until the danger is rectified.
 * Its deadline becomes the due date the overdue check watches.
 */
export function planRectification(
  danger: HiddenDanger,
  plan: RectificationPlan,
  actor: DangerActor,
  now: Date,
): HiddenDanger {
  enterpriseOnly(actor);
  expect(danger, "plan", ["reported", "planned"]);
  const due = deadlineInstant(plan.deadline);
  if (Number.isNaN(due.getTime()) || due.getTime() <= now.getTime()) {
    throw new ValidationError({ zh: "整改时限须晚于当前时间", en: "The deadline must be ahead" }, [
      {
        path: "body.deadline",
        code: "hiddenDanger.deadlinePassed",
        message: { zh: "整改时限须晚于当前时间", en: "The deadline must be in the future" },
      },
    ]);
  }
  return advance(danger, "plan", actor, now, {
    status: "planned",
    plan,
    dueAt: due.toISOString(),
  });
}

export type DangerStep = "rectify" | "evaluate" | "accept" | "reject" | "close";

/**
 * One step of the lifecycle after the plan (domain.md §7). The enterprise rectifies and
 * evaluates the effect, which requests acceptance, due within ACCEPTANCE_DAYS; the acceptor
 * accepts (or rejects back to rectification) and closes (销号), which ends supervision.
 */
export function takeStep(
  danger: HiddenDanger,
  step: DangerStep,
  actor: DangerActor,
  now: Date,
  note?: string,
): HiddenDanger {
  const at = now.toISOString();
  switch (step) {
    case "rectify":
      enterpriseOnly(actor);
      expect(danger, step, ["planned"]);
      return advance(
        danger,
        step,
        actor,
        now,
        { status: "rectified", rectifiedAt: at, dueAt: null },
        note,
      );
    case "evaluate": {
      enterpriseOnly(actor);
      expect(danger, step, ["rectified"]);
      if (note === undefined) {
        throw new ValidationError(
          { zh: "请填写整改效果评估", en: "The evaluation of the effect is required" },
          [
            {
              path: "body.note",
              code: "hiddenDanger.evaluationRequired",
              message: { zh: "请填写整改效果评估", en: "Describe the effect of the rectification" },
            },
          ],
        );
      }
      const due = new Date(now.getTime() + ACCEPTANCE_DAYS * DAY_MS).toISOString();
      return advance(
        danger,
        step,
        actor,
        now,
        { status: "evaluated", evaluation: note, acceptanceRequestedAt: at, dueAt: due },
        note,
      );
    }
    case "accept":
      acceptorOnly(danger, actor);
      expect(danger, step, ["evaluated"]);
      return advance(
        danger,
        step,
        actor,
        now,
        { status: "accepted", acceptedAt: at, dueAt: null },
        note,
      );
    case "reject":
      acceptorOnly(danger, actor);
      expect(danger, step, ["evaluated"]);
      return advance(
        danger,
        step,
        actor,
        now,
        {
          status: "planned",
          rectifiedAt: null,
          evaluation: null,
          acceptanceRequestedAt: null,
          dueAt: danger.plan ? deadlineInstant(danger.plan.deadline).toISOString() : null,
        },
        note,
      );
    case "close":
      acceptorOnly(danger, actor);
      expect(danger, step, ["accepted"]);
      return advance(
        danger,
        step,
        actor,
        now,
        { status: "closed", closedAt: at, dueAt: null, supervised: false },
        note,
      );
  }
}

/** What is overdue about a danger (整改逾期 or 验收逾期), if anything not yet warned of. */
export interface Overdue {
  kind: "rectification" | "acceptance";
  dueAt: string;
}

export function overdueOf(danger: HiddenDanger, now: Date): Overdue | undefined {
  if (danger.dueAt === null || danger.overdueWarnedFor === danger.dueAt) return undefined;
  if (now.getTime() <= Date.parse(danger.dueAt)) return undefined;
  return {
    kind: danger.status === "evaluated" ? "acceptance" : "rectification",
    dueAt: danger.dueAt,
  };
}

/** The danger once its overdue warning is raised: the sweep will not raise it again. */
export function markOverdue(danger: HiddenDanger, overdue: Overdue, now: Date): HiddenDanger {
  return advance(
    danger,
    "overdue",
    undefined,
    now,
    { overdueWarnedFor: overdue.dueAt },
    overdue.kind,
  );
}

/** Rectified by the plan's deadline (按期整改). */
export function rectifiedOnTime(danger: HiddenDanger): boolean {
  if (!danger.plan || danger.rectifiedAt === null) return false;
  return Date.parse(danger.rectifiedAt) <= deadlineInstant(danger.plan.deadline).getTime();
}
