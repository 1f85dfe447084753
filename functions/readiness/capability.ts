import { ulid } from "ulidx";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import {
  answerProblems,
  type CapabilityAssessment,
  type CapabilityAssessmentInput,
  scoreCapability,
} from "../../shared/readiness/capability.ts";
import { checklistOf } from "../../shared/readiness/capability-checklists.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { type Partition, walkPartitions } from "../platform/data/partition-walk.ts";
import { auditStep, writeOnce } from "../platform/data/unit-of-work.ts";
import { reachEnterprise } from "./enterprise-reach.ts";

function assessmentNotFound(): NotFoundError {
  return new NotFoundError({ zh: "能力评估不存在", en: "Capability assessment not found" });
}

/** An assessment's id carries its key: the tenant, the date and a ULID, joined by `~`. */
function keyOf(id: string) {
  const [tenantId, assessedOn, unique, ...rest] = id.split("~");
  if (!tenantId || !assessedOn || !unique || rest.length > 0) return undefined;
  return { tenantId, assessedOn, id };
}

/**
 * Scores the answers against the checklist version they name and records the assessment under
 * the caller's enterprise (once per Idempotency-Key), audited. An unknown version or an answer
 * set that does not fit it is a 400 naming the fields.
 */
export async function createAssessment(
  caller: Caller,
  scope: Scope,
  input: CapabilityAssessmentInput,
  now = new Date(),
  requestId?: string,
): Promise<CapabilityAssessment> {
  const { enterprise, store } = await reachEnterprise(caller, scope, caller.tenantId);
  const checklist = checklistOf(input.checklistId, input.checklistVersion);
  if (!checklist) {
    throw new ValidationError({ zh: "评估清单版本不存在", en: "No such checklist version" }, [
      {
        path: "body.checklistVersion",
        code: "invalid_value",
        message: { zh: "没有此版本的评估清单", en: "No checklist of this id and version" },
      },
    ]);
  }
  const problems = answerProblems(checklist, input.answers);
  if (problems.length > 0) {
    throw new ValidationError(
      { zh: "答案与评估清单不符", en: "The answers do not fit the checklist" },
      problems,
    );
  }
  const assessment: CapabilityAssessment = {
    ...input,
    ...scoreCapability(checklist, input.answers),
    id: `${enterprise.tenantId}~${input.assessedOn}~${ulid(now.getTime())}`,
    tenantId: enterprise.tenantId,
    enterpriseName: enterprise.name,
    createdAt: now.toISOString(),
  };
  const written = await writeOnce(
    store,
    [
      {
        action: (tx) =>
          tx.capabilityAssessment
            .create({
              tenantId: assessment.tenantId,
              assessedOn: assessment.assessedOn,
              id: assessment.id,
              record: assessment,
            })
            .commit(),
      },
      auditStep(
        auditRecord(
          caller,
          {
            tenantId: assessment.tenantId,
            action: "capabilityAssessment.create",
            target: { type: "capabilityAssessment", id: assessment.id },
            after: assessment,
          },
          now,
        ),
      ),
    ],
    requestId === undefined ? undefined : { tenantId: assessment.tenantId, request: requestId },
    assessment.id,
    now,
  );
  if (!written.replayed) return assessment;
  return getAssessment(caller, scope, written.resultId);
}

/** One assessment of an enterprise within the caller's reach. */
export async function getAssessment(
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<CapabilityAssessment> {
  const key = keyOf(id);
  if (!key) throw assessmentNotFound();
  const { store, audited } = await reachEnterprise(caller, scope, key.tenantId).catch(() => {
    throw assessmentNotFound();
  });
  const { data } = await store.entities.capabilityAssessment.get(key).go({ consistent: true });
  if (!data) throw assessmentNotFound();
  await audited({ type: "capabilityAssessment", id });
  return data.record;
}

/** An enterprise's assessments, latest first (its own people need not name it). */
export async function listAssessments(
  caller: Caller,
  scope: Scope,
  tenantId: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const enterpriseId = tenantId ?? caller.tenantId;
  const { store, audited } = await reachEnterprise(caller, scope, enterpriseId);
  await audited({ type: "capabilityAssessment", id: enterpriseId });
  const partition: Partition<CapabilityAssessment> = {
    id: `capability:${enterpriseId}`,
    read: async (c, n) => {
      const page = await store.entities.capabilityAssessment.query
        .byTenant({ tenantId: enterpriseId })
        .go({ cursor: c, limit: n, order: "desc" });
      return { items: page.data.map((d) => d.record), cursor: page.cursor };
    },
  };
  return walkPartitions([partition], cursor, limit);
}
