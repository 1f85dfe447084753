import { Arn, Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { ENV } from "../../functions/platform/environment.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";
import { acknowledge } from "./nag.ts";

/**
 * How the deployment texts (context `smsProvider`, `smsSender`, `smsTemplate`,
 * `smsDigestTemplate`): AWS End User
 * Messaging where the region offers it, Aliyun in mainland China (domain.md: SMS to officials).
 */
export interface SmsSettings {
  readonly provider: "aws" | "aliyun";
  /** AWS: the origination identity (phone number, sender id or pool); Aliyun: the signature. */
  readonly sender?: string;
  /** Aliyun's approved template code. */
  readonly template?: string;
  /** Aliyun's approved digest template code. */
  readonly digestTemplate?: string;
}

/**
 * For a manifest entry declaring `sendsSms`: the provider's settings in its configuration and
 * the one permission texting needs — End User Messaging's `SendTextMessage`, or read access to
 * the secret that holds the Aliyun key (`aliyunKey`, created once per stack by the caller).
 */
export function grantSendSms(
  fn: CityRiskFunction,
  sms: SmsSettings,
  aliyunKey: () => Secret,
): void {
  if (!fn.definition.sendsSms) return;
  fn.function.addEnvironment(ENV.smsProvider, sms.provider);
  if (sms.sender) fn.function.addEnvironment(ENV.smsSender, sms.sender);
  if (sms.template) fn.function.addEnvironment(ENV.smsTemplate, sms.template);
  if (sms.digestTemplate) fn.function.addEnvironment(ENV.smsDigestTemplate, sms.digestTemplate);
  if (sms.provider === "aliyun") {
    const secret = aliyunKey();
    secret.grantRead(fn.role);
    fn.function.addEnvironment(ENV.aliyunAccessKeySecret, secret.secretArn);
    return;
  }
  // Without a configured identity ARN, End User Messaging picks one of the account's: the
  // account's SMS identities (phone numbers, sender ids, pools) are the resource set.
  const kinds = ["phone-number", "sender-id", "pool"];
  const configured = sms.sender?.startsWith("arn:") ? sms.sender : undefined;
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ["sms-voice:SendTextMessage"],
      resources: configured
        ? [configured]
        : kinds.map((resource) =>
            Arn.format(
              { service: "sms-voice", resource, resourceName: "*" },
              Stack.of(fn.function),
            ),
          ),
    }),
  );
  if (configured) return;
  acknowledge(
    fn.role,
    kinds.map((kind) => ({
      // As cdk-nag spells the finding of an ARN built from the stack's partition, region, account.
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:${kind}/*]`,
      reason:
        "SendTextMessage names its origination identity per message; the account's SMS identities are the resource set",
    })),
  );
}

/** The secret an operator fills with `<AccessKeyId>:<AccessKeySecret>` of a RAM user allowed `dysms:SendSms` only. */
export function aliyunKeySecret(scope: Stack): Secret {
  const secret = new Secret(scope, "AliyunSmsKey", {
    description:
      "Aliyun SMS key <AccessKeyId>:<AccessKeySecret> (RAM user with dysms:SendSms only); put the value after the first deploy",
  });
  acknowledge(secret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "The key is issued and rotated in Aliyun's RAM console, not by a Secrets Manager rotation",
    },
  ]);
  return secret;
}
