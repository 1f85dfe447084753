import { Annotations, Aws, Duration, Stack, type StackProps } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
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
  /** What the web app needs to sign in (written next to it as `/auth-config.json`). */
  readonly webSignIn: WebSignIn;
}

/** The web app's OpenID Connect settings on AWS (frontend/src/auth/auth-config.ts reads them). */
export interface WebSignIn {
  /** The pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>` (discovery). */
  readonly authority: string;
  readonly clientId: string;
  /** Managed login's `/logout` (Cognito's discovery names no end-session endpoint). */
  readonly logoutUrl: string;
}

/** Paths of the web app the managed login returns to (frontend/src/auth/auth-config.ts). */
export const WEB_CALLBACK_PATH = "/auth/callback";
export const WEB_SIGNED_OUT_PATH = "/sign-in";
/** Without `webUrl` (non-prod synth), the local stack's origin stands in: see the warning. */
const PLACEHOLDER_WEB_URL = "http://localhost:3000";

export interface AuthStackProps extends StackProps {
  readonly config: StageConfig;
  /**
   * Prefix of the Cognito hosted domain serving the OAuth2 token endpoint for integrators.
   * Must be unique per region; defaults to `cityrisk-<stage>-<account>`.
   */
  readonly domainPrefix?: string;
  /** Cognito Plus tier threat protection (per-MAU cost); defaults to on in prod only. */
  readonly threatProtection?: boolean;
  /**
   * The web app's public origin (context `webUrl`, e.g. `https://d123.cloudfront.net` or a custom
   * domain): managed login's callback and sign-out URLs. Required in prod. It is a context value,
   * not a reference to the Frontend stack, because that stack depends on this one (through the
   * API): the CloudFront domain is known after the first deploy, or up front with a custom domain.
   */
  readonly webUrl?: string;
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
  readonly webSignIn: WebSignIn;

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

    if (!props.webUrl && config.isProd) {
      throw new Error("prod needs the web app's origin for sign-in: pass context webUrl");
    }
    if (!props.webUrl) {
      Annotations.of(this).addWarningV2(
        "cityrisk:webUrl",
        `No context webUrl: managed login returns to ${PLACEHOLDER_WEB_URL}. Deploy, then redeploy with -c webUrl=https://<distribution domain> (the Frontend stack's WebUrl output).`,
      );
    }
    const webUrl = (props.webUrl ?? PLACEHOLDER_WEB_URL).replace(/\/+$/, "");

    // The SPA signs in through managed login: authorization code with PKCE, a public client (no
    // secret), no direct password or SRP flows on the client; TOTP stays the pool's requirement.
    this.webClient = this.userPool.addClient("WebClient", {
      generateSecret: false,
      // Only ALLOW_REFRESH_TOKEN_AUTH: CDK adds it to any non-empty `authFlows`.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${webUrl}${WEB_CALLBACK_PATH}`],
        logoutUrls: [`${webUrl}${WEB_SIGNED_OUT_PATH}`],
      },
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

    // One domain: managed login for the web app, the token endpoint for integrators.
    const domain = this.userPool.addDomain("Domain", {
      cognitoDomain: {
        domainPrefix: props.domainPrefix ?? `cityrisk-${config.stage}-${Aws.ACCOUNT_ID}`,
      },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login (v2) shows its pages only for clients with a branding style: Cognito's own.
    new CfnManagedLoginBranding(this, "WebClientBranding", {
      userPoolId: this.userPool.userPoolId,
      clientId: this.webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.tokenUrl = `${domain.baseUrl()}/oauth2/token`;
    this.webSignIn = {
      authority: `https://${this.userPool.userPoolProviderUrl}`,
      clientId: this.webClient.userPoolClientId,
      logoutUrl: `${domain.baseUrl()}/logout`,
    };
    this.webClients = [this.webClient];
  }
}
