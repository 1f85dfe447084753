import { ConflictError, ForbiddenError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { isOfficialRole, type Scope } from "../../shared/tenancy/scope.ts";
import {
  alreadyTaken,
  transitionWarning,
  type Warning,
  type WarningAction,
} from "../../shared/warnings/warning.ts";
import { actorOf } from "../audit/audit-log.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { attemptTogether, type WriteStep } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";
import { timingFor } from "./settings.ts";
import { auditOf } from "./signal-steps.ts";
import { acknowledgedEvent, resolvedEvent } from "./warning-events.ts";
import { putWarning, releaseClaim } from "./warning-item.ts";
import { reachWarning } from "./warning-reach.ts";

const ATTEMPTS = 3;

function closeIsSupervisors(): ForbiddenError {
  return new ForbiddenError({
    zh: "只有监管人员可以关闭（销号）预警",
    en: "Only supervising officials close warnings",
  });
}

/** What the step publishes and releases besides the warning itself. */
function sideSteps(
  before: Warning,
  after: Warning,
  action: WarningAction,
  caller: Caller,
  note: string | undefined,
  now: Date,
): WriteStep[] {
  switch (action) {
    case "acknowledge":
      return [acknowledgedEvent(after, caller.userId, note, now)];
    case "handle":
      // Handling straight from open is also the acknowledgement.
      return before.status === "open" ? [acknowledgedEvent(after, caller.userId, note, now)] : [];
    case "resolve":
      return [releaseClaim(after), resolvedEvent(after, "resolved", caller.userId, note, now)];
    case "close":
      return [];
  }
}

/**
 * A person's step on a warning (签收 / 处置 / 办结 / 销号) with an optional note. Idempotent: a
 * step already taken answers the warning as it is; with `If-Match`, a warning changed since it
 * was read answers 412. The change, its audit record, its event and (on resolution) the release
 * of the (source, rule) claim are one unit of work.
 */
export async function actOnWarning(
  caller: Caller,
  scope: Scope,
  id: string,
  action: WarningAction,
  note: string | undefined,
  expected: number | undefined,
  now = new Date(),
): Promise<Warning> {
  if (action === "close" && !isOfficialRole(caller.role)) throw closeIsSupervisors();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { warning, store } = await reachWarning(caller, scope, id);
    if (expected !== undefined && warning.version !== expected) {
      // A repeat of a step already taken is harmless even with an old tag.
      if (alreadyTaken(warning.status, action)) return warning;
      throw staleVersion();
    }
    const { timing } = await timingFor(functionStore(), warning.place.district);
    const next = transitionWarning(warning, action, caller.userId, note, timing, now);
    if (!next) return warning;
    const outcome = await attemptTogether(store, [
      putWarning(next),
      ...sideSteps(warning, next, action, caller, note, now),
      auditOf(
        actorOf(caller),
        warning.tenantId,
        `warning.${action}`,
        next,
        { status: warning.status },
        now,
      ),
    ]);
    if (outcome.committed) return next;
  }
  throw new ConflictError({
    zh: "预警正被同时处理，请重试",
    en: "The warning is changing concurrently; retry",
  });
}
