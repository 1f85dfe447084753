import { ConflictError, ValidationError } from "../../shared/errors.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import {
  publicationIssues,
  ruleSetInForce,
  ruleSetVersions,
} from "../../shared/warnings/rule-set-versions.ts";
import { DEFAULT_RULE_SET, type WarningRuleSet } from "../../shared/warnings/rules.ts";
import { type Store, tableOf } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";

/**
 * A new version is rare and a published one never changes: a warm container keeps the version
 * in force for a minute (the publishing container drops it at once), so a batch of readings or
 * a sweep reads it once, not per reading or per warning.
 */
const IN_FORCE_TTL_MS = 60_000;
const inForce = new Map<string, { at: number; rules: Promise<WarningRuleSet> }>();

/**
 * Kept per table, like every cache here: the table the versions are read from (the entity's, so
 * a store derived from another, such as a test's failing wrapper, shares its cache).
 */
function tableKey(store: Store): string {
  return store.entities.warningRuleSet.getTableName() ?? tableOf(store);
}

/** Every published version, strongly consistent: a version just published is seen. */
async function readPublished(store: Store): Promise<WarningRuleSet[]> {
  const { data } = await store.entities.warningRuleSet.query
    .byRuleSet({ ruleSetId: DEFAULT_RULE_SET.id })
    .go({ pages: "all", consistent: true });
  return data.map((d) => d.record);
}

/**
 * The rule set the engine evaluates under (readings, the sweep, raising, default deadlines):
 * read once a minute per container. `store` must reach platform items (the function's store,
 * not a tenant's).
 */
export function inForceRuleSet(store: Store, now = Date.now()): Promise<WarningRuleSet> {
  const table = tableKey(store);
  const known = inForce.get(table);
  if (known && now - known.at < IN_FORCE_TTL_MS) return known.rules;
  const rules = readPublished(store).then(ruleSetInForce);
  rules.catch(() => inForce.delete(table));
  inForce.set(table, { at: now, rules });
  return rules;
}

/** Every version, newest first, read afresh: what the routes answer is the latest word. */
export async function listRuleSets(store: Store): Promise<WarningRuleSet[]> {
  return ruleSetVersions(await readPublished(store));
}

/** The version in force, read afresh (the engine's containers follow within their minute). */
export async function currentRuleSet(store: Store): Promise<WarningRuleSet> {
  return ruleSetInForce(await readPublished(store));
}

/**
 * The city admin publishes the next version (immutable: a create, so a second publication of
 * the same version fails, 409), audited in the same unit of work. It applies in this container
 * at once and in others within the cache's minute; warnings raised before keep the version they
 * name.
 */
export async function publishRuleSet(
  store: Store,
  caller: Caller,
  proposed: WarningRuleSet,
  now = new Date(),
): Promise<WarningRuleSet> {
  const current = ruleSetInForce(await readPublished(store));
  const issues = publicationIssues(proposed, current);
  if (issues.length > 0) {
    throw new ValidationError({ zh: "预警规则版本无效", en: "Invalid warning rule set" }, issues);
  }
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: "warningRuleSet.publish",
      target: { type: "warningRuleSet", id: `${proposed.id}@${proposed.version}` },
      before: { version: current.version },
      after: proposed,
    },
    now,
  );
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.warningRuleSet
          .create({ ruleSetId: proposed.id, version: proposed.version, record: proposed })
          .commit(),
      onConflict: () =>
        new ConflictError({ zh: "该版本已发布", en: "That version is already published" }),
    },
    auditStep(audit),
  ]);
  inForce.delete(tableKey(store));
  return proposed;
}
