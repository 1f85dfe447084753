import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import { currentVersion, needsRegrade, regradeDecision } from "../../shared/methodology/regrade.ts";
import type { Assessment } from "../../shared/risk/assessment.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import { scanSegmentPage } from "../adapters/dynamodb/scan-entities.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { logger } from "../platform/powertools.ts";
import { PROFILE_IDS, readVersions } from "../registry/method-profiles.ts";
import type { ReevaluationMessage } from "./pass-queue.ts";
import type { PassPlan } from "./pass-runner.ts";
import { regradeOf, writeRegrade } from "./regrade-source.ts";

/** Items one scan page evaluates (DynamoDB stops a page at 1 MB before that). */
export const REEVALUATION_PAGE = 500;
/** Re-grades written at once within a page: their transactions wait on the network, not CPU. */
const CONCURRENCY = 16;
/** Reads and re-grades of a source that keeps changing under the pass before it gives up. */
const ATTEMPTS = 3;

/** A source the pass re-grades, with the assessment its grade comes from. */
export interface Candidate {
  source: RiskSource;
  base: Assessment | undefined;
}

/** The version each of the pass's profiles grades under now (none for a profile without one). */
export async function reevaluationTargets(
  store: Store,
  profileIds: readonly string[],
): Promise<Map<string, MethodProfile>> {
  const ids = profileIds.length > 0 ? profileIds : PROFILE_IDS;
  const targets = new Map<string, MethodProfile>();
  for (const id of ids) {
    const target = currentVersion(id, await readVersions(store, id));
    if (target) targets.set(id, target);
  }
  return targets;
}

/**
 * The assessments the candidates' grades come from, by id: those the scan page read with them
 * (a tenant's assessments sort before its sources, `AS#` < `RS#`, in the same partition and so
 * the same segment), the rest by BatchGetItem, 100 at a time.
 */
async function basesOf(
  store: Store,
  sources: readonly RiskSource[],
  inPage: ReadonlyMap<string, Assessment>,
): Promise<Map<string, Assessment>> {
  const found = new Map<string, Assessment>();
  const missing: { tenantId: string; riskSourceId: string; id: string }[] = [];
  for (const s of sources) {
    if (!s.lastAssessment) continue;
    const read = inPage.get(s.lastAssessment.id);
    if (read) found.set(read.id, read);
    else missing.push({ tenantId: s.tenantId, riskSourceId: s.id, id: s.lastAssessment.id });
  }
  let pending = missing;
  while (pending.length > 0) {
    const { data, unprocessed } = await store.entities.assessment.get(pending).go();
    for (const item of data) found.set(item.id, item.record);
    pending = unprocessed;
  }
  return found;
}

/** A source and its grade's assessment read again, strongly consistent, after a refused write. */
async function reread(store: Store, source: RiskSource): Promise<Candidate | undefined> {
  const { data } = await store.entities.riskSource
    .get({ tenantId: source.tenantId, id: source.id })
    .go({ consistent: true });
  if (!data) return undefined;
  const last = data.record.lastAssessment;
  if (!last) return { source: data.record, base: undefined };
  const { data: base } = await store.entities.assessment
    .get({ tenantId: source.tenantId, riskSourceId: source.id, id: last.id })
    .go({ consistent: true });
  return { source: data.record, base: base?.record };
}

/**
 * The re-evaluation pass (重新评估): every source graded under another version of one of its
 * profiles than the current one is re-graded from its stored inputs, and only those whose
 * levels change are written (write amplification 1.0). Segments are parallel Scan segments of
 * the table, each one queue message (AWS: one worker each at once; locally the queue runner).
 * A page re-read after a kill finds the sources it re-graded on the current version and leaves
 * them; a source changed by a user meanwhile fails the write's version condition and is read
 * again: nobody is re-graded twice, nobody is skipped.
 */
export async function reevaluationPlan(
  store: Store,
  message: Pick<ReevaluationMessage, "passId" | "profileIds" | "segments">,
  now: () => Date,
  pageSize = REEVALUATION_PAGE,
): Promise<PassPlan<Candidate>> {
  const targets = await reevaluationTargets(store, message.profileIds);
  return {
    id: message.passId,
    kind: "reevaluation",
    segments: Array.from({ length: message.segments }, (_, i) => String(i)),
    concurrency: CONCURRENCY,
    readPage: async (segment, cursor) => {
      const read = await scanSegmentPage(store, ["riskSource", "assessment"], {
        segment: Number(segment),
        segments: message.segments,
        cursor,
        limit: pageSize,
      });
      const sources = read.page.riskSource
        .map((d) => d.record)
        .filter((s) => needsRegrade(s, targets));
      const inPage = new Map(read.page.assessment.map((d) => [d.id, d.record]));
      const bases = await basesOf(store, sources, inPage);
      return {
        items: sources.map((source) => ({
          source,
          base: source.lastAssessment ? bases.get(source.lastAssessment.id) : undefined,
        })),
        cursor: read.cursor,
      };
    },
    act: async (first) => {
      let candidate: Candidate | undefined = first;
      for (let attempt = 0; attempt < ATTEMPTS && candidate; attempt++) {
        const { source, base } = candidate;
        if (!needsRegrade(source, targets)) return false;
        const target = targets.get(source.lastAssessment?.profileId ?? "");
        if (!base || !target) return false;
        const decision = regradeDecision(base, target);
        if (decision.kind === "ungradable") {
          logger.warn("source not gradable under the current version", {
            riskSourceId: source.id,
            profile: `${target.id}@${target.version}`,
            problem: decision.error.message,
          });
          return false;
        }
        if (decision.kind === "unchanged") return false;
        const at = now();
        const regrade = regradeOf(source, base, decision.grade, target, message.passId, at);
        if (await writeRegrade(store, source, base, regrade, message.passId, at)) return true;
        candidate = await reread(store, source);
      }
      if (candidate) throw new Error(`risk source ${first.source.id} kept changing under the pass`);
      return false;
    },
  };
}
