import { ProfileNotFoundError } from "../errors.ts";
import { LEC_DEFAULT } from "./lec-default.ts";
import { LS_DEFAULT } from "./ls-default.ts";
import { MES_TEMPLATE } from "./mes-template.ts";
import type { MethodProfile } from "./profile-schema.ts";

/** The profiles shipped with the product (domain.md §3). */
export const DEFAULT_PROFILES: readonly MethodProfile[] = [LEC_DEFAULT, LS_DEFAULT, MES_TEMPLATE];

/**
 * Finds a profile by id and version. Without a version, the latest published version; when the
 * id has no published version, its latest template (so grading can reject it with a clear
 * error rather than "not found"). Throws `ProfileNotFoundError` otherwise (domain.md §1).
 */
export function getProfile(
  id: string,
  version?: number,
  profiles: readonly MethodProfile[] = DEFAULT_PROFILES,
): MethodProfile {
  let found: MethodProfile | undefined;
  for (const p of profiles) {
    if (p.id !== id) continue;
    if (version !== undefined) {
      if (p.version === version) return p;
      continue;
    }
    const better =
      !found ||
      (p.status === "published" && found.status !== "published") ||
      (p.status === found.status && p.version > found.version);
    if (better) found = p;
  }
  if (!found) throw new ProfileNotFoundError(id, version);
  return found;
}

/** The latest version of each profile id, published first (for pickers and listings). */
export function listLatestProfiles(
  profiles: readonly MethodProfile[] = DEFAULT_PROFILES,
): MethodProfile[] {
  const ids = [...new Set(profiles.map((p) => p.id))];
  return ids.map((id) => getProfile(id, undefined, profiles));
}
