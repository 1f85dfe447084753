import { describe, expect, it } from "vitest";
import { LEVELS, type Level } from "../methodology/levels.ts";
import { type AssessmentStatus, AssessmentStatusSchema } from "./assessment-status.ts";
import {
  countsForGrade,
  type GradedAssessment,
  type SourceGrade,
  sourceGrade,
} from "./grade-history.ts";

/** The n-th assessment of a source: later n, later grading time and later review date. */
function assessed(
  n: number,
  status: AssessmentStatus,
  level: Level,
  inherent?: Level,
): GradedAssessment {
  const day = String(n + 1).padStart(2, "0");
  return {
    id: `t-1~01SOURCE~0${n}`,
    profileId: "lec-default",
    profileVersion: 1,
    gradedAt: `2025-01-${day}T08:00:00.000Z`,
    status,
    nextReviewAt: `2026-01-${day}T08:00:00.000Z`,
    grade: { level, ...(inherent ? { inherent: { level: inherent } } : {}) },
  };
}

/** The source grade `a` gives on its own, inherent level passed in. */
function gradeOf(a: GradedAssessment, inherentLevel: Level | null): SourceGrade {
  return {
    currentLevel: a.grade.level,
    inherentLevel,
    nextReviewAt: a.nextReviewAt,
    lastAssessment: {
      id: a.id,
      profileId: a.profileId,
      profileVersion: a.profileVersion,
      gradedAt: a.gradedAt,
      status: a.status,
    },
  };
}

const UNGRADED: SourceGrade = {
  currentLevel: null,
  inherentLevel: null,
  nextReviewAt: null,
  lastAssessment: null,
};

describe("countsForGrade", () => {
  it.each([
    ["submitted", true],
    ["accepted", true],
    ["returned", false],
    ["superseded", false],
  ] as const)("%s → %s", (status, counts) => {
    expect(countsForGrade(status)).toBe(counts);
  });
});

describe("sourceGrade, transition by transition", () => {
  it("leaves a source without assessments ungraded", () => {
    expect(sourceGrade([])).toEqual(UNGRADED);
  });

  it("grades a source by its first submitted assessment", () => {
    const first = assessed(1, "submitted", "major", "major");
    expect(sourceGrade([first])).toEqual(gradeOf(first, "major"));
  });

  it("keeps the grade when the assessment is accepted", () => {
    const accepted = assessed(1, "accepted", "major", "major");
    expect(sourceGrade([accepted])).toEqual(gradeOf(accepted, "major"));
  });

  it("leaves the source ungraded when its only assessment is returned", () => {
    expect(sourceGrade([assessed(1, "returned", "major", "major")])).toEqual(UNGRADED);
  });

  it("follows a submission that supersedes a pending one", () => {
    const newer = assessed(2, "submitted", "low", "general");
    const history = [newer, assessed(1, "superseded", "major", "major")];
    expect(sourceGrade(history)).toEqual(gradeOf(newer, "general"));
  });

  it("restores the accepted grade, next review and pointer when the latest is returned", () => {
    const accepted = assessed(1, "accepted", "general", "major");
    const history = [assessed(2, "returned", "low", "low"), accepted];
    expect(sourceGrade(history)).toEqual(gradeOf(accepted, "major"));
  });

  it("skips superseded ones when the latest is returned: it restores the accepted one before", () => {
    const accepted = assessed(1, "accepted", "significant", "major");
    const history = [
      assessed(3, "returned", "low"),
      assessed(2, "superseded", "general", "general"),
      accepted,
    ];
    expect(sourceGrade(history)).toEqual(gradeOf(accepted, "major"));
  });

  it("leaves the source ungraded when the latest is returned and the one before was superseded", () => {
    const history = [assessed(2, "returned", "low"), assessed(1, "superseded", "major", "major")];
    expect(sourceGrade(history)).toEqual(UNGRADED);
  });

  it("carries the inherent level over a re-assessment that grades the current risk alone", () => {
    const reassessed = assessed(2, "submitted", "general");
    const history = [reassessed, assessed(1, "accepted", "significant", "major")];
    expect(sourceGrade(history)).toEqual(gradeOf(reassessed, "major"));
  });

  it("takes the inherent level of a re-assessment that gives a new one", () => {
    const reassessed = assessed(2, "submitted", "low", "general");
    const history = [reassessed, assessed(1, "accepted", "significant", "major")];
    expect(sourceGrade(history)).toEqual(gradeOf(reassessed, "general"));
  });

  it("restores the earlier inherent level when the assessment that changed it is returned", () => {
    const accepted = assessed(1, "accepted", "significant", "major");
    const history = [assessed(2, "returned", "low", "low"), accepted];
    expect(sourceGrade(history).inherentLevel).toBe("major");
  });

  it("never carries an inherent level over from a returned or superseded assessment", () => {
    const latest = assessed(3, "submitted", "low");
    const history = [
      latest,
      assessed(2, "returned", "general", "significant"),
      assessed(1, "superseded", "major", "major"),
    ];
    expect(sourceGrade(history)).toEqual(gradeOf(latest, null));
  });
});

/** Every history of `length` assessments over every status, with and without inherent. */
function* historiesOf(length: number): Generator<GradedAssessment[]> {
  if (length === 0) {
    yield [];
    return;
  }
  const level = LEVELS[length % LEVELS.length] as Level;
  for (const older of historiesOf(length - 1)) {
    for (const status of AssessmentStatusSchema.options) {
      for (const inherent of [undefined, LEVELS[(length + 1) % LEVELS.length]]) {
        yield [assessed(length, status, level, inherent), ...older];
      }
    }
  }
}

/** An independent oracle: replay the history oldest first, as the transitions happened. */
function replay(newestFirst: readonly GradedAssessment[]): SourceGrade {
  let state = UNGRADED;
  for (const a of [...newestFirst].reverse()) {
    if (a.status === "returned" || a.status === "superseded") continue;
    state = gradeOf(a, a.grade.inherent?.level ?? state.inherentLevel);
  }
  return state;
}

describe("sourceGrade, every history of up to four assessments", () => {
  it("agrees with replaying the history oldest first", () => {
    let checked = 0;
    for (let length = 0; length <= 4; length++) {
      for (const history of historiesOf(length)) {
        expect(sourceGrade(history), JSON.stringify(history)).toEqual(replay(history));
        checked++;
      }
    }
    // 1 + 8 + 8² + 8³ + 8⁴ histories, each assessment one of 4 statuses × with/without inherent.
    expect(checked).toBe(1 + 8 + 64 + 512 + 4096);
  });
});
