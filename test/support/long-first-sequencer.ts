import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files known to run longest, in the order they should start. Vitest orders files by the
 * durations it cached on an earlier run, but a fresh clone (CI) has no cache and falls back to
 * file size, which would start the isolation matrix — a small file that runs for minutes — last
 * and leave one worker alone at the end.
 */
const LONGEST: readonly RegExp[] = [
  /test\/matrix\/isolation-matrix\.test\.ts$/,
  /\.browser\.test\.ts$/,
  /test\/e2e\//,
  /test\/fuzz\//,
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((pattern) => pattern.test(file.moduleId));
      return at < 0 ? LONGEST.length : at;
    };
    return sorted
      .map((file, order) => ({ file, order, rank: rank(file) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ file }) => file);
  }
}
