import { type Bilingual, DomainError, type FieldIssue } from "../errors.ts";

/** Codes of the field issues grading reports; the error carries the first one's code. */
export type GradingIssueCode =
  | "grading.invalidFactorValue"
  | "grading.missingFactor"
  | "grading.unknownFactor"
  | "grading.dimensionMismatch"
  | "grading.unknownRule"
  | "grading.missingEvidence"
  | "grading.invalidDate";

export interface GradingIssue extends FieldIssue {
  code: GradingIssueCode;
}

/**
 * Grading input that does not fit the profile: a value outside a factor table (the issue lists
 * the allowed values), a missing or unknown factor, an unknown rule, a rule without evidence.
 */
export class GradingInputError extends DomainError {
  readonly code: GradingIssueCode;
  declare readonly issues: readonly GradingIssue[];

  constructor(issues: readonly GradingIssue[], title?: Bilingual) {
    super(
      title ?? {
        zh: "评估输入不符合评估方法的取值表或规则",
        en: "The grading input does not fit the method profile",
      },
      issues,
    );
    this.code = issues[0]?.code ?? "grading.invalidFactorValue";
  }
}

/** The profile is a template (or otherwise incomplete) and cannot grade (domain.md §3, MES). */
export class ProfileNotGradableError extends DomainError {
  readonly code = "methodology.profileNotGradable";
  readonly profileId: string;
  readonly profileVersion: number;

  constructor(profileId: string, profileVersion: number, reasons: readonly Bilingual[] = []) {
    super({
      zh: `评估方法 ${profileId} v${profileVersion} 是未发布的模板或不完整，不能用于评估${reasons.length ? `：${reasons.map((r) => r.zh).join("；")}` : ""}`,
      en: `Method profile ${profileId} v${profileVersion} is an unpublished template or incomplete and cannot grade${reasons.length ? `: ${reasons.map((r) => r.en).join("; ")}` : ""}`,
    });
    this.profileId = profileId;
    this.profileVersion = profileVersion;
  }
}

/** No profile with this id (and version). */
export class ProfileNotFoundError extends DomainError {
  readonly code = "methodology.profileNotFound";

  constructor(profileId: string, version?: number) {
    const name = version === undefined ? profileId : `${profileId} v${version}`;
    super({ zh: `未找到评估方法 ${name}`, en: `Method profile ${name} not found` });
  }
}
