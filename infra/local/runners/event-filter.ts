/**
 * Lambda event-filtering patterns (the subset the manifest uses), matched against a record as
 * Lambda sees it — for DynamoDB streams the record JSON with `dynamodb.Keys/NewImage/OldImage` in
 * AttributeValue form, so `{ pk: { S: [{ prefix: "X#" }] } }`. Supported: exact values (string,
 * number, boolean, null), `prefix`, `suffix`, `equals-ignore-case`, `anything-but` (values or
 * `{ prefix }`/`{ suffix }`), `numeric`, `exists`. A record matches when any pattern matches;
 * no patterns means every record. Unknown operators throw, so a typo never passes silently.
 */
export type FilterPattern = Readonly<Record<string, unknown>>;

export function matchesAnyFilter(patterns: readonly FilterPattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(pattern, record));
}

export function matchesPattern(pattern: FilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([field, rule]) => {
    const present = isObject(value) && Object.hasOwn(value, field);
    const fieldValue = present ? value[field] : undefined;
    if (Array.isArray(rule)) return matchesRules(rule, fieldValue, present);
    if (isObject(rule)) return matchesPattern(rule, fieldValue);
    throw new Error(`filter field "${field}" must be an array of rules or a nested object`);
  });
}

function matchesRules(rules: readonly unknown[], value: unknown, present: boolean): boolean {
  return rules.some((rule) => {
    if (isObject(rule) && Object.hasOwn(rule, "exists")) return rule.exists === present;
    if (!present) return false;
    if (Array.isArray(value)) return value.some((element) => matchesRule(rule, element));
    return matchesRule(rule, value);
  });
}

function matchesRule(rule: unknown, value: unknown): boolean {
  if (rule === null || typeof rule !== "object") return rule === value;
  const entries = Object.entries(rule);
  const [operator, operand] = entries[0] ?? [];
  if (entries.length !== 1 || operator === undefined) {
    throw new Error(`filter rule needs exactly one operator: ${JSON.stringify(rule)}`);
  }
  switch (operator) {
    case "prefix":
      return typeof value === "string" && typeof operand === "string" && value.startsWith(operand);
    case "suffix":
      return typeof value === "string" && typeof operand === "string" && value.endsWith(operand);
    case "equals-ignore-case":
      return (
        typeof value === "string" &&
        typeof operand === "string" &&
        value.toLowerCase() === operand.toLowerCase()
      );
    case "anything-but":
      return !anyOf(operand, value);
    case "numeric":
      return typeof value === "number" && matchesNumeric(operand, value);
    default:
      throw new Error(`unsupported filter operator "${operator}"`);
  }
}

function anyOf(operand: unknown, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.some((candidate) => candidate === value);
  if (isObject(operand)) return matchesRule(operand, value);
  return operand === value;
}

const comparisons: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function matchesNumeric(operand: unknown, value: number): boolean {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) {
    throw new Error(`numeric filter needs [operator, number, ...]: ${JSON.stringify(operand)}`);
  }
  for (let i = 0; i < operand.length; i += 2) {
    const compare = comparisons[String(operand[i])];
    const bound: unknown = operand[i + 1];
    if (!compare || typeof bound !== "number") {
      throw new Error(`invalid numeric filter: ${JSON.stringify(operand)}`);
    }
    if (!compare(value, bound)) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
