import { App, type CfnElement, type PolicyViolation, Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import type { ScheduleDefinition } from "../../events/schedules.ts";
import type { Manifest } from "../../functions/platform/manifest-types.ts";
import type { MessagingDefinition } from "../../functions/platform/messaging-definitions.ts";
import type { SmsSettings } from "../constructs/send-sms-grant.ts";
import { ApiStack } from "../stacks/api-stack.ts";
import { AuthStack } from "../stacks/auth-stack.ts";
import { DataStack } from "../stacks/data-stack.ts";
import { FEATURE_FLAGS } from "../stacks/feature-flags.ts";
import { FrontendStack } from "../stacks/frontend-stack.ts";
import { MessagingStack } from "../stacks/messaging-stack.ts";
import { stageConfig } from "../stacks/stage-config.ts";

export interface AppInput {
  readonly manifest: Manifest;
  readonly schedules: readonly ScheduleDefinition[];
  readonly messaging: MessagingDefinition;
  readonly stage?: string;
  /** Run esbuild for every function (slow); off by default per toolchain.md. */
  readonly bundling?: boolean;
  readonly frontendAssets?: string;
  readonly outdir?: string;
  /** Context `webUrl` (required in prod); a fixed test origin by default. */
  readonly webUrl?: string;
  /** Context `smsProvider` and its settings; AWS End User Messaging by default. */
  readonly sms?: SmsSettings;
}

export const TEST_WEB_URL = "https://cityrisk.example";

export interface BuiltApp {
  readonly app: App;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly messaging: MessagingStack;
  readonly api: ApiStack;
  readonly frontend: FrontendStack;
}

/** The same stack graph as infra/bin, built from whatever manifest a test hands in. */
export function buildApp(input: AppInput): BuiltApp {
  const app = new App({
    context: {
      ...FEATURE_FLAGS,
      ...(input.bundling ? {} : { "aws:cdk:bundling-stacks": [] }),
    },
    ...(input.outdir ? { outdir: input.outdir } : {}),
    builtinCloudFormationValidation: false,
  });
  const config = stageConfig(input.stage ?? "dev");
  const data = new DataStack(app, "Data", { config });
  const auth = new AuthStack(app, "Auth", { config, webUrl: input.webUrl ?? TEST_WEB_URL });
  const messaging = new MessagingStack(app, "Messaging", { config, messaging: input.messaging });
  const api = new ApiStack(app, "Api", {
    config,
    manifest: input.manifest,
    schedules: input.schedules,
    data,
    auth,
    messaging: messaging.messaging,
    ...(input.sms ? { sms: input.sms } : {}),
  });
  const frontend = new FrontendStack(app, "Frontend", {
    config,
    apiDomainName: api.apiDomainName,
    webSignIn: auth.webSignIn,
    ...(input.frontendAssets ? { assetsPath: input.frontendAssets } : {}),
  });
  return { app, data, auth, messaging, api, frontend };
}

/** Unacknowledged AwsSolutions findings (errors and warnings) of a synthesized app. */
export function nagViolations(app: App): PolicyViolation[] {
  app.synth();
  return new AwsSolutionsChecks().validateScope(app).violations;
}

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | readonly string[];
  readonly Resource?: unknown;
}

/** Every IAM statement of a template: policies, managed policies and roles' inline policies. */
export function iamStatements(
  template: Template,
  include: (logicalId: string) => boolean = () => true,
): PolicyStatementJson[] {
  const documents: unknown[] = [];
  for (const type of ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]) {
    for (const [id, r] of Object.entries(template.findResources(type))) {
      if (!include(id)) continue;
      documents.push((r as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument);
    }
  }
  for (const r of Object.values(template.findResources("AWS::IAM::Role"))) {
    const policies = (r as { Properties: { Policies?: { PolicyDocument: unknown }[] } }).Properties
      .Policies;
    for (const p of policies ?? []) documents.push(p.PolicyDocument);
  }
  return documents.flatMap((d) => (d as { Statement: PolicyStatementJson[] }).Statement);
}

const DATA_SERVICES = /^(dynamodb|s3|sns|sqs):/;

/** Allow statements that grant a data action by wildcard, or a data action on `*`. */
export function dataWildcards(statements: readonly PolicyStatementJson[]): string[] {
  const problems: string[] = [];
  for (const s of statements) {
    if (s.Effect !== "Allow") continue;
    const actions = typeof s.Action === "string" ? [s.Action] : s.Action;
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    for (const action of actions) {
      if (action === "*") problems.push("action *");
      if (!DATA_SERVICES.test(action)) continue;
      if (action.includes("*")) problems.push(`wildcard action ${action}`);
      if (resources.includes("*")) problems.push(`${action} on resource *`);
    }
  }
  return problems;
}

/** Logical id of a construct's L1 resource, as the template names it. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
