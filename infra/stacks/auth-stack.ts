import { Aws, Duration, Stack, type StackProps } from "aws-cdk-lib";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolResourceServer,
} from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import { INTEGRATOR_SCOPES, RESOURCE_SERVER_ID } from "../../shared/tenancy/integrator-client.ts";
import { ROLE_LABELS, ROLES } from "../../shared/tenancy/roles.ts";
import { acknowledge } from "../constructs/nag.ts";
import type { StageConfig } from "./stage-config.ts";

/** Custom attribute names without the `custom:` prefix Cognito adds (see shared/tenancy/claims.ts). */
const TENANCY_ATTRIBUTES = { userId: 64, tenantId: 64, role: 32, jurisdiction: 2048 } as const;

export interface AuthResources {
  readonly userPool: UserPool;
  /** The web app's clients: the API's authorizer accepts their users' ID tokens. */
  readonly webClients: readonly UserPoolClient[];
  /** Integrators' OAuth2 token endpoint (client credentials) on the pool's domain. */
  readonly tokenUrl: string;
}

export interface AuthStackProps extends StackProps {
  readonly config: StageConfig;
  /**
   * Prefix of the Cognito hosted domain serving the OAuth2 token endpoint for integrators.
   * Must be unique per region; defaults to `cityrisk-<stage>-<account>`.
   */
  readonly domainPrefix?: string;
  /** Cognito Plus tier threat protection (per-MAU cost); defaults to on in prod only. */
  readonly threatProtection?: boolean;
}

/**
 * Identity: users carry tenant, role and jurisdiction as custom attributes; integrators use
 * client credentials against the resource server's scopes (their clients come at runtime).
 */
export class AuthStack extends Stack implements AuthResources {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly resourceServer: UserPoolResourceServer;
  readonly webClients: readonly UserPoolClient[];
  readonly tokenUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { config } = props;
    const threatProtection = props.threatProtection ?? config.isProd;

    this.userPool = new UserPool(this, "UserPool", {
      // Tenants and officials are onboarded by administrators, never by self sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      customAttributes: Object.fromEntries(
        Object.entries(TENANCY_ATTRIBUTES).map(([name, maxLen]) => [
          name,
          new StringAttribute({ minLen: 0, maxLen, mutable: true }),
        ]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      // Officials see safety data across a jurisdiction: a second factor is required, TOTP only
      // (SMS MFA would need an SNS spending limit and origination numbers per country).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(threatProtection
        ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: config.isProd,
      removalPolicy: config.dataRemovalPolicy,
    });
    if (!threatProtection) {
      acknowledge(this.userPool, [
        {
          id: "AwsSolutions-COG8",
          reason:
            "Non-prod stage: threat protection needs the Plus tier (per-MAU cost) and test users are synthetic; prod enables it (threatProtection defaults to isProd).",
        },
      ]);
    }

    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, {
        groupName: role,
        description: `${ROLE_LABELS[role].en} / ${ROLE_LABELS[role].zh}`,
      });
    }

    // Users may read their tenancy claims but never write them: they are set by administrators.
    const standardWritable = new ClientAttributes().withStandardAttributes({
      fullname: true,
      locale: true,
      phoneNumber: true,
    });
    const readable = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
      .withCustomAttributes(...Object.keys(TENANCY_ATTRIBUTES));

    this.webClient = this.userPool.addClient("WebClient", {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      // The SPA signs in through the API (SRP/password), not the hosted UI.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      readAttributes: readable,
      writeAttributes: standardWritable,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.resourceServer = this.userPool.addResourceServer("ResourceServer", {
      identifier: RESOURCE_SERVER_ID,
      scopes: INTEGRATOR_SCOPES.map(
        (scopeName) =>
          new ResourceServerScope({
            scopeName,
            scopeDescription: `Integrator ${scopeName} access`,
          }),
      ),
    });
    // Integrators' clients are created at runtime by the tenancy API (CreateUserPoolClient with
    // these scopes), one per registered integrator, never declared here.

    // The token endpoint for client credentials lives on the user pool domain.
    const domain = this.userPool.addDomain("Domain", {
      cognitoDomain: {
        domainPrefix: props.domainPrefix ?? `cityrisk-${config.stage}-${Aws.ACCOUNT_ID}`,
      },
    });

    this.tokenUrl = `${domain.baseUrl()}/oauth2/token`;
    this.webClients = [this.webClient];
  }
}
