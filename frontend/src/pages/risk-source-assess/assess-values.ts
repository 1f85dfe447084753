import type { GradingPreviewRequest } from "../../../../shared/methodology/grading-request.ts";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import type {
  AssessmentCreateInput,
  AssessmentTrigger,
} from "../../../../shared/risk/assessment.ts";

/** What the assessment form holds. */
export interface AssessValues {
  profileId?: string;
  current?: Record<string, number | undefined>;
  withInherent?: boolean;
  inherent?: Record<string, number | undefined>;
  /** Claimed direct-major rules by rule id. */
  rules?: Record<string, { claimed?: boolean; evidence?: string } | undefined>;
  trigger?: AssessmentTrigger;
  note?: string;
}

/** All of a profile's factors, or undefined while one is still unchosen. */
function complete(
  profile: MethodProfile,
  values: Record<string, number | undefined> | undefined,
): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const factor of profile.factors) {
    const value = values?.[factor.letter];
    if (value === undefined || value === null) return undefined;
    out[factor.letter] = value;
  }
  return out;
}

/**
 * The preview request the form describes, or undefined while a factor is missing. A claimed
 * rule without evidence is left out here (the form asks for the evidence before submitting).
 */
export function previewRequest(
  profile: MethodProfile | undefined,
  values: AssessValues,
  controlsRecorded: boolean,
): GradingPreviewRequest | undefined {
  if (!profile) return undefined;
  const current = complete(profile, values.current);
  if (!current) return undefined;
  const inherent = values.withInherent ? complete(profile, values.inherent) : undefined;
  if (values.withInherent && !inherent) return undefined;
  const directRules = profile.directMajorRules.flatMap((rule) => {
    const claim = values.rules?.[rule.id];
    const evidence = claim?.evidence?.trim();
    return claim?.claimed && evidence ? [{ id: rule.id, evidence }] : [];
  });
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    current: current as GradingPreviewRequest["current"],
    ...(inherent ? { inherent: inherent as GradingPreviewRequest["current"] } : {}),
    ...(directRules.length > 0 ? { directRules } : {}),
    controlsRecorded,
  };
}

/** The assessment to submit: the preview's inputs (controls are read from the source) plus why. */
export function assessmentInput(
  request: GradingPreviewRequest,
  values: AssessValues,
): AssessmentCreateInput {
  const { controlsRecorded: _fromSource, ...inputs } = request;
  const note = values.note?.trim();
  return {
    ...inputs,
    ...(values.trigger ? { trigger: values.trigger } : {}),
    ...(note ? { note } : {}),
  };
}
