import { existsSync } from "node:fs";
import { join } from "node:path";
import { App, Tags } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { REPO_ROOT } from "../constructs/repo-root.ts";
import { ApiStack } from "../stacks/api-stack.ts";
import { AuthStack } from "../stacks/auth-stack.ts";
import { DataStack } from "../stacks/data-stack.ts";
import { FEATURE_FLAGS } from "../stacks/feature-flags.ts";
import { FrontendStack } from "../stacks/frontend-stack.ts";
import { MessagingStack } from "../stacks/messaging-stack.ts";
import { stageConfig } from "../stacks/stage-config.ts";

/**
 * The AWS target. Context is read here and only here (conventions.md rule 7):
 *   stage        dev (default) | prod | any short kebab name — prod retains data
 *   webAclArn    optional CloudFront WAF web ACL (us-east-1)
 *   authDomainPrefix  optional Cognito domain prefix (default cityrisk-<stage>-<account>)
 *   mailFrom     sender of invitations (its domain a verified SES identity)
 *   webUrl       the web app's public origin: e-mailed links, and managed login's callback and
 *                sign-out URLs (required in prod; the Frontend stack's WebUrl output)
 *   smsProvider  aws (End User Messaging, default) | aliyun (mainland China; its key goes in the
 *                Api stack's AliyunSmsKey secret); smsSender, smsTemplate, smsDigestTemplate: the provider's
 *                origination identity or signature, and Aliyun's warning and digest template codes
 * Stacks are environment-agnostic: deploy with the account/region of your credentials.
 */
const app = new App({ context: FEATURE_FLAGS });
const contextString = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

const config = stageConfig(contextString("stage") ?? "dev");
const prefix = `CityRisk-${config.stage}`;
const frontendDist = join(REPO_ROOT, "frontend", "dist");

const data = new DataStack(app, `${prefix}-Data`, { config });
const authDomainPrefix = contextString("authDomainPrefix");
const webUrl = contextString("webUrl");
const auth = new AuthStack(app, `${prefix}-Auth`, {
  config,
  ...(authDomainPrefix ? { domainPrefix: authDomainPrefix } : {}),
  ...(webUrl ? { webUrl } : {}),
});
const messagingStack = new MessagingStack(app, `${prefix}-Messaging`, { config, messaging });
const api = new ApiStack(app, `${prefix}-Api`, {
  config,
  manifest,
  schedules,
  data,
  auth,
  messaging: messagingStack.messaging,
  ...(contextString("mailFrom") ? { mailFrom: contextString("mailFrom") as string } : {}),
  ...(webUrl ? { webUrl } : {}),
  sms: {
    provider: contextString("smsProvider") === "aliyun" ? "aliyun" : "aws",
    ...(contextString("smsSender") ? { sender: contextString("smsSender") as string } : {}),
    ...(contextString("smsTemplate") ? { template: contextString("smsTemplate") as string } : {}),
    ...(contextString("smsDigestTemplate")
      ? { digestTemplate: contextString("smsDigestTemplate") as string }
      : {}),
  },
});
const webAclArn = contextString("webAclArn");
new FrontendStack(app, `${prefix}-Frontend`, {
  config,
  apiDomainName: api.apiDomainName,
  webSignIn: auth.webSignIn,
  ...(existsSync(join(frontendDist, "index.html")) ? { assetsPath: frontendDist } : {}),
  ...(webAclArn ? { webAclArn } : {}),
});

Tags.of(app).add("project", "cityrisk");
Tags.of(app).add("stage", config.stage);

// cdk-nag 3 is a policy-validation plugin, but this aws-cdk-lib does not yet hand plugins the
// construct tree (`appConstruct`), so the pack is run on the synthesized app here instead:
// `cdk synth` fails on any unacknowledged AwsSolutions finding, exactly like the infra tests.
app.synth();
const violations = new AwsSolutionsChecks().validateScope(app).violations;
for (const v of violations) {
  const where = v.violatingResources.map((r) => r.constructPath).join(", ");
  console.error(`[${v.severity}] ${v.ruleName}: ${v.description} (${where})`);
}
if (violations.length > 0) process.exitCode = 1;
