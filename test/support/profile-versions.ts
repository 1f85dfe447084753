import { LEC_DEFAULT } from "../../shared/methodology/profiles/lec-default.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";

/**
 * The next version of `lec-default` with the significant band starting at D > `from` instead of
 * 160: sources scoring (from, 160] move from general to significant, every other grade stays.
 */
export function lecNextVersion(version: number, from = 100): MethodProfile {
  return {
    ...LEC_DEFAULT,
    version,
    bands: LEC_DEFAULT.bands.map((band) => {
      if (band.level === "significant") return { ...band, min: { value: from, inclusive: false } };
      if (band.level === "general") return { ...band, max: { value: from, inclusive: true } };
      return band;
    }),
  };
}
