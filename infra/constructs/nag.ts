import { Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

export interface NagAcknowledgment {
  /** Rule id, or `RuleId[finding]` for one finding of a multi-finding rule such as IAM5. */
  readonly id: string;
  /** Why the finding is accepted; required so every suppression is reviewed on its merits. */
  readonly reason: string;
}

/**
 * Acknowledges cdk-nag findings on constructs (and everything below them). cdk-nag 3 reads
 * CDK's native `Validations` acknowledgments; this keeps the call sites short.
 */
export function acknowledge(
  scopes: IConstruct | readonly IConstruct[],
  rules: readonly NagAcknowledgment[],
): void {
  const list: readonly IConstruct[] = Array.isArray(scopes) ? scopes : [scopes as IConstruct];
  for (const scope of list) Validations.of(scope).acknowledge(...rules);
}
