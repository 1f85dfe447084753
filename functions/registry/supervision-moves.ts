import { ConflictError } from "../../shared/errors.ts";
import { placeOfEnterprise } from "../../shared/risk/enterprise.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import {
  type SupervisedPlace,
  type SupervisionChange,
  samePlace,
} from "../../shared/risk/supervision-change.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import type { TxEntities, WriteStep } from "../platform/data/unit-of-work.ts";
import { loadTenant, tenantReplace } from "../tenancy/tenant-records.ts";
import { assessmentItem, loadAssessment } from "./assessments.ts";
import { enterpriseItem, loadEnterprise } from "./enterprise-item.ts";
import { riskSourceItem } from "./risk-source-item.ts";
import { enterpriseNameOf } from "./row-names.ts";
import { loadSource, placeOfSource } from "./source-reach.ts";

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const TRANSACTION_ITEMS = 100;
/** Items an approval writes besides the moved ones: the request and its audit record. */
const DECISION_ITEMS = 2;

/** What approving a request writes: the steps and the sources that move. */
export interface Move {
  steps: WriteStep[];
  movedSourceIds: string[];
}

export function changedMeanwhile(): ConflictError {
  return new ConflictError({
    zh: "企业或风险源正被同时修改，请重试",
    en: "The enterprise or a risk source changed meanwhile; retry",
  });
}

function noLongerApplies(): ConflictError {
  return new ConflictError({
    zh: "申请提交后监管已变更或对象已删除，该申请不再适用，请驳回",
    en: "The supervision changed or the target was removed since the request; reject it",
  });
}

function tooLarge(items: number): ConflictError {
  return new ConflictError({
    zh: `此次变更需一次写入 ${items} 条记录，超过单个事务的 ${TRANSACTION_ITEMS} 条上限；请企业先逐个申请迁移部分风险源，再批准本申请`,
    en: `This move writes ${items} records at once, over the ${TRANSACTION_ITEMS} one transaction holds; have the enterprise move some sources with their own requests first, then approve`,
  });
}

function movedSource(source: RiskSource, change: SupervisionChange, at: string): RiskSource {
  return {
    ...source,
    industry: change.to.industry,
    supervision: {
      district: change.to.district,
      street: change.to.street,
      industryDepartment: change.industryDepartment ?? source.supervision.industryDepartment,
    },
    version: source.version + 1,
    updatedAt: at,
  };
}

/**
 * A source's new place and, when an assessment of it awaits review, that assessment's queue
 * keys too: the review queues are keyed by the source's place, and the official now over the
 * source is the one to review it.
 */
async function sourceSteps(
  store: Store,
  source: RiskSource,
  change: SupervisionChange,
  at: string,
): Promise<WriteStep[]> {
  const moved = movedSource(source, change, at);
  const steps: WriteStep[] = [
    {
      action: (tx) =>
        tx.riskSource
          .put(riskSourceItem(moved))
          .where(({ version }, { eq }) => eq(version, source.version))
          .commit(),
      onConflict: changedMeanwhile,
    },
  ];
  const pending = source.lastAssessment?.status === "submitted" ? source.lastAssessment : null;
  const assessment = pending ? await loadAssessment(store, pending.id) : undefined;
  if (assessment?.status === "submitted") {
    const enterpriseName = await enterpriseNameOf(store, source.tenantId);
    steps.push({
      action: (tx: TxEntities) =>
        tx.assessment
          .put(assessmentItem(assessment, moved, enterpriseName))
          .where(({ version }, { eq }) => eq(version, assessment.version))
          .commit(),
      onConflict: changedMeanwhile,
    });
  }
  return steps;
}

async function moveSource(
  store: Store,
  change: SupervisionChange,
  sourceId: string,
  at: string,
): Promise<Move> {
  const source = await loadSource(store, change.tenantId, sourceId);
  if (!source || !samePlace(placeOfSource(source), change.from)) throw noLongerApplies();
  return { steps: await sourceSteps(store, source, change, at), movedSourceIds: [source.id] };
}

/**
 * Moves the enterprise: its profile and tenant record (the sign-up and listing indexes) and
 * every source still supervised at the enterprise's old place — those followed the enterprise;
 * a source moved elsewhere by its own request stays where it was put.
 */
async function moveEnterprise(store: Store, change: SupervisionChange, at: string): Promise<Move> {
  const enterprise = await loadEnterprise(store, change.tenantId);
  if (!enterprise || !samePlace(placeOfEnterprise(enterprise), change.from)) {
    throw noLongerApplies();
  }
  const to: SupervisedPlace = change.to;
  const steps: WriteStep[] = [
    {
      action: (tx) =>
        tx.enterprise
          .put(
            enterpriseItem({
              ...enterprise,
              ...to,
              version: enterprise.version + 1,
              updatedAt: at,
            }),
          )
          .where(({ version }, { eq }) => eq(version, enterprise.version))
          .commit(),
      onConflict: changedMeanwhile,
    },
  ];
  const tenant = (await loadTenant(store, change.tenantId))?.record;
  if (tenant) {
    steps.push({
      action: (tx) =>
        tenantReplace(
          tx,
          { ...tenant, ...to, version: tenant.version + 1, updatedAt: at },
          tenant.version,
        ),
      onConflict: changedMeanwhile,
    });
  }
  const { data } = await store.entities.riskSource.query
    .byTenant({ tenantId: change.tenantId })
    .go({ pages: "all" });
  const followers = data
    .map((d) => d.record)
    .filter((s) => samePlace(placeOfSource(s), change.from));
  for (const source of followers) steps.push(...(await sourceSteps(store, source, change, at)));
  const items = steps.length + DECISION_ITEMS;
  if (items > TRANSACTION_ITEMS) throw tooLarge(items);
  return { steps, movedSourceIds: followers.map((s) => s.id) };
}

/** The writes that carry out an approved request, checked against what the request was filed on. */
export function planMove(store: Store, change: SupervisionChange, at: string): Promise<Move> {
  return change.target.type === "enterprise"
    ? moveEnterprise(store, change, at)
    : moveSource(store, change, change.target.id, at);
}
