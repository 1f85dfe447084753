import type { CompiledFactor, CompiledProfile } from "./compile.ts";
import { GradingInputError, type GradingIssue, type GradingIssueCode } from "./errors.ts";
import type { DimensionValues, GradingInput } from "./grade-schema.ts";

function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

function issue(
  code: GradingIssueCode,
  path: string,
  zh: string,
  en: string,
  allowed?: readonly (string | number)[],
): GradingIssue {
  return allowed
    ? { code, path, message: { zh, en }, allowed }
    : { code, path, message: { zh, en } };
}

/** The maximum of a valid breakdown (S = worst dimension, domain.md §3), or undefined. */
function fromBreakdown(
  f: CompiledFactor,
  breakdown: unknown,
  path: string,
  issues: GradingIssue[],
): number | undefined {
  const dims = f.dimensions;
  if (!dims) {
    issues.push(
      issue(
        "grading.unknownFactor",
        path,
        `因素 ${f.letter} 没有分维度取值`,
        `${f.letter} has no dimensions`,
      ),
    );
    return undefined;
  }
  const ids = dims.map((d) => d.id);
  if (breakdown === null || typeof breakdown !== "object") {
    issues.push(
      issue("grading.missingFactor", path, "分维度取值应为对象", "expected an object", ids),
    );
    return undefined;
  }
  let max: number | undefined;
  for (const [id, value] of Object.entries(breakdown)) {
    const dim = dims.find((d) => d.id === id);
    if (!dim) {
      issues.push(
        issue(
          "grading.unknownFactor",
          `${path}.${id}`,
          `未知维度 ${id}`,
          `unknown dimension ${id}`,
          ids,
        ),
      );
    } else if (!dim.allowed.includes(value as number)) {
      issues.push(
        issue(
          "grading.invalidFactorValue",
          `${path}.${id}`,
          `维度 ${id} 的取值 ${show(value)} 无效；允许值：${dim.allowed.join("、")}`,
          `${show(value)} is not a value of dimension ${id}; allowed: ${dim.allowed.join(", ")}`,
          dim.allowed,
        ),
      );
    } else max = Math.max(max ?? value, value);
  }
  if (max === undefined && Object.keys(breakdown).length === 0)
    issues.push(issue("grading.missingFactor", path, "分维度取值为空", "empty breakdown", ids));
  return max;
}

function resolveSet(
  compiled: CompiledProfile,
  values: unknown,
  dims: DimensionValues | undefined,
  path: string,
  issues: GradingIssue[],
): number {
  const { profile, factors } = compiled;
  const name = `${profile.id} v${profile.version}`;
  const letters = factors.map((f) => f.letter);
  const record: Readonly<Record<string, unknown>> =
    values !== null && typeof values === "object" ? (values as Record<string, unknown>) : {};
  if (record !== values)
    issues.push(
      issue("grading.missingFactor", path, "因素取值应为对象", "expected an object", letters),
    );
  const before = issues.length;
  let index = 0;
  for (const f of factors) {
    const at = `${path}.${f.letter}`;
    let value = record[f.letter];
    const breakdown = dims?.[f.letter];
    if (breakdown !== undefined) {
      const derived = fromBreakdown(f, breakdown, `dimensions.${path}.${f.letter}`, issues);
      if (derived !== undefined && value === undefined) value = derived;
      else if (derived !== undefined && value !== derived)
        issues.push(
          issue(
            "grading.dimensionMismatch",
            at,
            `${f.letter} = ${show(value)} 与分维度最大值 ${derived} 不一致`,
            `${f.letter} = ${show(value)} differs from the worst dimension ${derived}`,
            [derived],
          ),
        );
    }
    const j = f.allowed.indexOf(value as number);
    if (value === undefined)
      issues.push(
        issue(
          "grading.missingFactor",
          at,
          `缺少因素 ${f.letter}`,
          `${f.letter} is required`,
          f.allowed,
        ),
      );
    else if (j < 0)
      issues.push(
        issue(
          "grading.invalidFactorValue",
          at,
          `${f.letter} 的取值 ${show(value)} 不在评估方法 ${name} 的取值表中；允许值：${f.allowed.join("、")}`,
          `${show(value)} is not a value of ${f.letter} in ${name}; allowed: ${f.allowed.join(", ")}`,
          f.allowed,
        ),
      );
    else index += j * f.stride;
  }
  for (const key of [...Object.keys(record), ...Object.keys(dims ?? {})]) {
    if (!letters.includes(key))
      issues.push(
        issue(
          "grading.unknownFactor",
          `${path}.${key}`,
          `评估方法 ${name} 没有因素 ${key}`,
          `${name} has no factor ${key}`,
          letters,
        ),
      );
  }
  return issues.length === before ? index : -1;
}

function checkRules(compiled: CompiledProfile, input: GradingInput, issues: GradingIssue[]): void {
  const ids = [...compiled.rules.keys()];
  (input.directRules ?? []).forEach((claim, i) => {
    const rule = compiled.rules.get(claim?.id);
    if (!rule) {
      issues.push(
        issue(
          "grading.unknownRule",
          `directRules[${i}].id`,
          `未知的直接判定规则 ${show(claim?.id)}`,
          `unknown direct-major rule ${show(claim?.id)}`,
          ids,
        ),
      );
    } else if (typeof claim.evidence !== "string" || claim.evidence.trim() === "") {
      issues.push(
        issue(
          "grading.missingEvidence",
          `directRules[${i}].evidence`,
          `直接判定规则 ${rule.rule.id} 须附证据：${rule.rule.evidenceRequired.zh}`,
          `rule ${rule.rule.id} needs evidence: ${rule.rule.evidenceRequired.en}`,
        ),
      );
    }
  });
}

/** Slow path of grading: resolves breakdowns and collects every issue, throwing if any. */
export function resolveOrThrow(
  compiled: CompiledProfile,
  input: GradingInput,
): { current: number; inherent: number | undefined } {
  const issues: GradingIssue[] = [];
  const current = resolveSet(compiled, input.current, input.dimensions?.current, "current", issues);
  const inherent =
    input.inherent === undefined
      ? undefined
      : resolveSet(compiled, input.inherent, input.dimensions?.inherent, "inherent", issues);
  checkRules(compiled, input, issues);
  if (issues.length > 0) throw new GradingInputError(issues);
  return { current, inherent };
}
