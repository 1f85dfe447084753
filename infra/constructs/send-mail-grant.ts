import { Arn, Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ENV } from "../../functions/platform/environment.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";

/**
 * For a manifest entry declaring `sendsMail`: SES (v2 SendEmail) from the product's verified
 * sender identity only, and that sender in the function's configuration.
 */
export function grantSendMail(fn: CityRiskFunction, mailFrom: string, webUrl?: string): void {
  if (!fn.definition.sendsMail) return;
  const domain = mailFrom.slice(mailFrom.indexOf("@") + 1);
  const identity = Arn.format(
    { service: "ses", resource: "identity", resourceName: domain },
    Stack.of(fn.function),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ["ses:SendEmail"],
      resources: [identity],
      conditions: { StringEquals: { "ses:FromAddress": mailFrom } },
    }),
  );
  fn.function.addEnvironment(ENV.mailFrom, mailFrom);
  // Links in e-mails point here rather than at whatever host a request claimed.
  if (webUrl) fn.function.addEnvironment(ENV.webUrl, webUrl);
}
