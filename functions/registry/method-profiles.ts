import type { IndustryId } from "../../shared/catalogs/industries.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../shared/errors.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import {
  DEFAULT_PROFILES,
  getProfile,
  listLatestProfiles,
} from "../../shared/methodology/profiles/registry.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { isConditionFailure } from "../adapters/dynamodb/conditions.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { functionStore } from "../platform/data/request-store.ts";

/**
 * Profiles and restrictions change rarely and published versions never: a warm container keeps
 * what it read for a minute (its own writes clear it at once), sparing every assessment two reads.
 */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

/** Every version of one profile id: the shipped ones and those the city admin published. */
function versionsOf(store: Store, profileId: string): Promise<MethodProfile[]> {
  return cached(`versions:${profileId}`, async () => {
    const { data } = await store.entities.methodProfile.query
      .byProfile({ profileId })
      .go({ pages: "all" });
    return [...DEFAULT_PROFILES.filter((p) => p.id === profileId), ...data.map((d) => d.record)];
  });
}

/** Profile ids are the shipped ones; the city admin publishes new versions of them. */
const PROFILE_IDS = [...new Set(DEFAULT_PROFILES.map((p) => p.id))];

async function allProfiles(store: Store): Promise<MethodProfile[]> {
  return (await Promise.all(PROFILE_IDS.map((id) => versionsOf(store, id)))).flat();
}

/** Profiles an industry may use; undefined when its department set no restriction. */
function allowedFor(store: Store, industry: string): Promise<readonly string[] | undefined> {
  return cached(`allowed:${industry}`, async () => {
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
 * versions are immutable: the write is a create, and the version must follow the latest.
 */
export async function publishProfile(profile: MethodProfile): Promise<MethodProfile> {
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
  const existing = await versionsOf(store, profile.id);
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
  try {
    await store.entities.methodProfile
      .create({ profileId: profile.id, version: profile.version, record: profile })
      .go();
    cache.delete(`versions:${profile.id}`);
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new ConflictError({ zh: "该版本已发布", en: "That version is already published" });
    }
    throw error;
  }
  return profile;
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
  cache.delete(`allowed:${industry}`);
  return { industry, profileIds: [...profileIds] };
}
