import type { IndustryId } from "../../shared/catalogs/industries.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../shared/errors.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import {
  DEFAULT_PROFILES,
  getProfile,
  listLatestProfiles,
} from "../../shared/methodology/profiles/registry.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { type Store, tableOf } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { passStep, profileChangeStart } from "../passes/pass-queue.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";

/**
 * Profiles and restrictions change rarely and published versions never: a warm container keeps
 * what it read for a minute (its own writes clear it at once), sparing every assessment two reads.
 */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/** Cache keys carry the table: a value read from one table never answers for another. */
const keyOf = (store: Store, key: string) => `${tableOf(store)}/${key}`;

function cached<T>(store: Store, name: string, load: () => Promise<T>): Promise<T> {
  const key = keyOf(store, name);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * Every version of one profile id: the shipped ones and those the city admin published, each
 * `retired` once retired (the version itself never changes; its retirement is kept beside it).
 */
function versionsOf(store: Store, profileId: string): Promise<MethodProfile[]> {
  return cached(store, `versions:${profileId}`, () => readVersions(store, profileId));
}

/** `versionsOf` uncached: what a re-evaluation pass grades against must be the latest word. */
export async function readVersions(store: Store, profileId: string): Promise<MethodProfile[]> {
  const [published, retirements] = await Promise.all([
    store.entities.methodProfile.query.byProfile({ profileId }).go({ pages: "all" }),
    store.entities.profileRetirement.query.byProfile({ profileId }).go({ pages: "all" }),
  ]);
  const retired = new Set(retirements.data.map((r) => r.version));
  return [
    ...DEFAULT_PROFILES.filter((p) => p.id === profileId),
    ...published.data.map((d) => d.record),
  ].map((p): MethodProfile => (retired.has(p.version) ? { ...p, status: "retired" } : p));
}

/** Profile ids are the shipped ones; the city admin publishes new versions of them. */
export const PROFILE_IDS = [...new Set(DEFAULT_PROFILES.map((p) => p.id))];

async function allProfiles(store: Store): Promise<MethodProfile[]> {
  return (await Promise.all(PROFILE_IDS.map((id) => versionsOf(store, id)))).flat();
}

/** Profiles an industry may use; undefined when its department set no restriction. */
function allowedFor(store: Store, industry: string): Promise<readonly string[] | undefined> {
  return cached(store, `allowed:${industry}`, async () => {
    const { data } = await store.entities.industryProfiles.get({ industry }).go();
    return data && data.profileIds.length > 0 ? data.profileIds : undefined;
  });
}

/**
 * The profile version an assessment is graded under: the pinned version, else the latest
 * published; refused when the source's industry department does not allow the profile.
 */
export async function resolveProfile(
  profileId: string,
  version: number | undefined,
  industry?: string,
): Promise<MethodProfile> {
  const store = functionStore();
  if (industry !== undefined) {
    const allowed = await allowedFor(store, industry);
    if (allowed && !allowed.includes(profileId)) {
      throw new ValidationError(
        { zh: "该行业不允许使用此评估方法", en: "This industry may not use that method" },
        [
          {
            path: "body.profileId",
            code: "methodology.profileNotAllowed",
            message: {
              zh: `行业主管部门允许的评估方法：${allowed.join("、")}`,
              en: `Methods allowed by the industry department: ${allowed.join(", ")}`,
            },
            allowed,
          },
        ],
      );
    }
  }
  return getProfile(profileId, version, await versionsOf(store, profileId));
}

/** Latest version of every profile, narrowed to what an industry allows when one is given. */
export async function latestProfiles(industry?: string): Promise<MethodProfile[]> {
  const store = functionStore();
  const latest = listLatestProfiles(await allProfiles(store));
  const allowed = industry === undefined ? undefined : await allowedFor(store, industry);
  return allowed ? latest.filter((p) => allowed.includes(p.id)) : latest;
}

/** Every version of a profile, oldest first. */
export async function profileVersions(profileId: string): Promise<MethodProfile[]> {
  const versions = await versionsOf(functionStore(), profileId);
  return versions.sort((a, b) => a.version - b.version);
}

/**
 * The city admin publishes the next version of a profile (or the first of a new id). Published
 * versions are immutable: the write is a create, and the version must follow the latest. The
 * re-evaluation of the profile's sources is queued in the same unit of work (through the
 * outbox), never run in the request.
 */
export async function publishProfile(
  caller: Caller,
  profile: MethodProfile,
): Promise<MethodProfile> {
  const store = functionStore();
  if (!PROFILE_IDS.includes(profile.id)) {
    throw new ValidationError({ zh: "未知的评估方法", en: "Unknown method profile" }, [
      {
        path: "body.id",
        code: "methodology.invalidProfileId",
        message: {
          zh: "只能发布已有评估方法的新版本",
          en: "Publish new versions of existing profiles",
        },
        allowed: PROFILE_IDS,
      },
    ]);
  }
  // Uncached: another container may have published (or a test written) a version meanwhile.
  const existing = await readVersions(store, profile.id);
  const next = Math.max(0, ...existing.map((p) => p.version)) + 1;
  if (profile.status !== "published" || profile.version !== next) {
    throw new ValidationError({ zh: "版本号无效", en: "Invalid version" }, [
      {
        path: "body.version",
        code: "methodology.invalidVersion",
        message: {
          zh: `新发布的版本须为 ${next}，且状态为 published`,
          en: `The next version must be ${next} with status published`,
        },
        allowed: [next],
      },
    ]);
  }
  const now = new Date();
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.methodProfile
          .create({ profileId: profile.id, version: profile.version, record: profile })
          .commit(),
      onConflict: () =>
        new ConflictError({ zh: "该版本已发布", en: "That version is already published" }),
    },
    ...profileChangeSteps(caller, profile.id, profile.version, "published", now),
  ]);
  cache.delete(keyOf(store, `versions:${profile.id}`));
  return profile;
}

/** The audit record and the queued re-evaluation of a version published or retired. */
function profileChangeSteps(
  caller: Caller,
  profileId: string,
  version: number,
  change: "published" | "retired",
  now: Date,
): WriteStep[] {
  const start = profileChangeStart(profileId, version, change);
  const audit = auditRecord(
    caller,
    {
      tenantId: caller.tenantId,
      action: change === "published" ? "methodProfile.publish" : "methodProfile.retire",
      target: { type: "methodProfile", id: `${profileId}@${version}` },
      after: { reevaluation: start.passId },
    },
    now,
  );
  return [auditStep(audit), passStep(caller.tenantId, start, now)];
}

/**
 * The city admin retires a published version (停用): it grades nothing new, and the sources it
 * graded are re-evaluated under the profile's current version. The last published version of a
 * profile cannot be retired: its sources would have nothing to be graded under.
 */
export async function retireProfile(
  caller: Caller,
  profileId: string,
  version: number,
): Promise<MethodProfile> {
  const store = functionStore();
  const versions = await readVersions(store, profileId);
  const found = versions.find((p) => p.version === version);
  if (!found || found.status === "template") {
    throw new NotFoundError({ zh: "没有该评估方法版本", en: "No such method profile version" });
  }
  if (found.status === "retired") {
    throw new ConflictError({ zh: "该版本已停用", en: "That version is already retired" });
  }
  const others = versions.filter((p) => p.status === "published" && p.version !== version);
  if (others.length === 0) {
    throw new ConflictError({
      zh: "这是该评估方法唯一在用的版本，请先发布新版本",
      en: "This is the profile's only published version; publish another first",
    });
  }
  const now = new Date();
  await writeTogether(store, [
    {
      action: (tx) =>
        tx.profileRetirement
          .create({ profileId, version, retiredAt: now.toISOString(), retiredBy: caller.userId })
          .commit(),
      onConflict: () =>
        new ConflictError({ zh: "该版本已停用", en: "That version is already retired" }),
    },
    ...profileChangeSteps(caller, profileId, version, "retired", now),
  ]);
  cache.delete(keyOf(store, `versions:${profileId}`));
  return { ...found, status: "retired" };
}

/**
 * An industry department (or the city admin) restricts the profiles its industry uses; the
 * department may only set its own industries.
 */
export async function restrictIndustryProfiles(
  caller: Caller,
  scope: Scope,
  industry: IndustryId,
  profileIds: readonly string[],
): Promise<{ industry: IndustryId; profileIds: string[] }> {
  const ownsIndustry =
    caller.role === "cityAdmin" ||
    (scope.kind === "jurisdiction" &&
      scope.jurisdiction.districts.length === 0 &&
      scope.jurisdiction.industries.includes(industry));
  if (!ownsIndustry) {
    throw new ForbiddenError({
      zh: "只有该行业主管部门可以设置",
      en: "Only the industry's department may set this",
    });
  }
  const store = functionStore();
  const known = new Set(
    (await allProfiles(store)).filter((p) => p.status === "published").map((p) => p.id),
  );
  const unknown = profileIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError({ zh: "未知的评估方法", en: "Unknown method profile" }, [
      {
        path: "body.profileIds",
        code: "methodology.invalidProfileId",
        message: { zh: `未知：${unknown.join("、")}`, en: `Unknown: ${unknown.join(", ")}` },
        allowed: [...known],
      },
    ]);
  }
  const { data: before } = await store.entities.industryProfiles.get({ industry }).go();
  await store.entities.industryProfiles
    .put({
      industry,
      profileIds: [...profileIds],
      version: (before?.version ?? 0) + 1,
      updatedBy: caller.userId,
      updatedAt: new Date().toISOString(),
    })
    .go();
  cache.delete(keyOf(store, `allowed:${industry}`));
  return { industry, profileIds: [...profileIds] };
}
