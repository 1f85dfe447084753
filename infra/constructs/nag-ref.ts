import { Stack, Token } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * How cdk-nag spells a same-stack `Fn::GetAtt` inside a finding id (`<LogicalId.Attr>`), so an
 * acknowledgment can name the exact finding instead of the whole rule.
 */
export function nagRef(scope: IConstruct, token: string): string {
  const resolved: unknown = Stack.of(scope).resolve(token);
  const getAtt = (resolved as { "Fn::GetAtt"?: [string, string] } | null)?.["Fn::GetAtt"];
  if (!Token.isUnresolved(token) || !getAtt) {
    throw new Error(`nagRef expects a same-stack GetAtt token, got ${JSON.stringify(resolved)}`);
  }
  return `<${getAtt[0]}.${getAtt[1]}>`;
}
