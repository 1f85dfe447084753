import { Stack, type StackProps } from "aws-cdk-lib";
import type { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import type { ScheduleDefinition } from "../../events/schedules.ts";
import type { Manifest } from "../../functions/platform/manifest-types.ts";
import { CityRiskFunction } from "../constructs/cityrisk-function.ts";
import {
  addAlarms,
  addPublishGrants,
  addQueueSubscriptions,
  addSchedules,
  addStreamSubscription,
  publisherEnvironment,
} from "../constructs/function-triggers.ts";
import { CityRiskHttpApi } from "../constructs/http-api.ts";
import { grantIdentityAdmin } from "../constructs/identity-admin-grant.ts";
import type { MessagingResources } from "../constructs/messaging.ts";
import { grantRateCounter } from "../constructs/rate-counter-grant.ts";
import { grantSendMail } from "../constructs/send-mail-grant.ts";
import { aliyunKeySecret, grantSendSms, type SmsSettings } from "../constructs/send-sms-grant.ts";
import { configureTokenVerification } from "../constructs/token-verification.ts";

/** Sender of invitations and notices unless the `mailFrom` context names a verified SES identity. */
export const DEFAULT_MAIL_FROM = "noreply@cityrisk.example.com";

import { TenantDataRoles } from "../constructs/tenant-data-role.ts";
import type { AuthResources } from "./auth-stack.ts";
import type { DataResources } from "./data-stack.ts";
import type { StageConfig } from "./stage-config.ts";

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** Every function to deploy; tests pass the fixture manifest. */
  readonly manifest: Manifest;
  readonly schedules: readonly ScheduleDefinition[];
  readonly data: DataResources;
  readonly auth: AuthResources;
  /** Needed once any function subscribes to a queue or publishes. */
  readonly messaging?: MessagingResources;
  /** Overrides the repository root the manifest's handler paths are resolved against. */
  readonly projectRoot?: string;
  /** Sender address of e-mail; its domain must be a verified SES identity. */
  readonly mailFrom?: string;
  /** The web app's public origin, for links in e-mails (context `webUrl`). */
  readonly webUrl?: string;
  /** How warnings are texted (context `smsProvider`, `smsSender`, `smsTemplate`); default AWS. */
  readonly sms?: SmsSettings;
}

/**
 * Compute: one function per manifest entry, wired to each trigger it declares (HTTP routes,
 * schedules, the table stream, queues) and granted only the access it declares.
 */
export class ApiStack extends Stack {
  readonly httpApi: CityRiskHttpApi;
  readonly functions: ReadonlyMap<string, CityRiskFunction>;
  readonly tenantData: TenantDataRoles;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, data, messaging } = props;

    const functions = new Map<string, CityRiskFunction>();
    const build = (definition: Manifest[number]): CityRiskFunction => {
      if (functions.has(definition.id))
        throw new Error(`function id declared twice: ${definition.id}`);
      const fn = new CityRiskFunction(this, definition.id, {
        definition,
        stage: config.stage,
        logRetention: config.logRetention,
        data,
        environment: publisherEnvironment(definition.publishes, messaging),
        ...(props.projectRoot ? { projectRoot: props.projectRoot } : {}),
      });
      functions.set(definition.id, fn);
      return fn;
    };

    const authorizers = props.manifest.filter((d) => d.authorizer);
    const [authorizerDefinition] = authorizers;
    if (authorizers.length !== 1 || !authorizerDefinition)
      throw new Error(`the manifest needs exactly one authorizer, found ${authorizers.length}`);
    const authorizer = build(authorizerDefinition);
    configureTokenVerification(authorizer, props.auth);
    this.httpApi = new CityRiskHttpApi(this, "Http", {
      stage: config.stage,
      logRetention: config.logRetention,
      authorizerFunction: authorizer.function,
    });

    let aliyunKey: Secret | undefined;
    const aliyunKeyOnce = () => {
      aliyunKey ??= aliyunKeySecret(this);
      return aliyunKey;
    };
    for (const definition of props.manifest) {
      const fn = functions.get(definition.id) ?? build(definition);
      this.httpApi.addFunctionRoutes(fn);
      addSchedules(fn, props.schedules);
      addAlarms(fn);
      addStreamSubscription(fn, data);
      addQueueSubscriptions(fn, messaging);
      addPublishGrants(fn, messaging);
      grantIdentityAdmin(fn, props.auth.userPool, props.auth.tokenUrl);
      grantSendMail(fn, props.mailFrom ?? DEFAULT_MAIL_FROM, props.webUrl);
      grantSendSms(fn, props.sms ?? { provider: "aws" }, aliyunKeyOnce);
      grantRateCounter(fn, data);
    }
    this.functions = functions;
    this.tenantData = new TenantDataRoles(this, "TenantData", {
      data,
      stage: config.stage,
      functions: functions.values(),
    });
  }

  /** `<apiId>.execute-api.<region>.<suffix>`: the CloudFront origin for `/api/*`. */
  get apiDomainName(): string {
    return `${this.httpApi.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
  }
}
