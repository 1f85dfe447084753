import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
} from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";
import { acknowledge } from "../constructs/nag.ts";
import { nagRef } from "../constructs/nag-ref.ts";
import type { WebSignIn } from "./auth-stack.ts";
import type { StageConfig } from "./stage-config.ts";

export interface FrontendStackProps extends StackProps {
  readonly config: StageConfig;
  /** `<apiId>.execute-api.<region>.<suffix>`; `/api/*` is forwarded there (same origin). */
  readonly apiDomainName: string;
  /** Built SPA (`frontend/dist`); when absent the bucket is created empty and nothing is uploaded. */
  readonly assetsPath?: string;
  /** A WAF web ACL (created in us-east-1) to attach to the distribution. */
  readonly webAclArn?: string;
  /** The user pool's managed login for the web app, deployed as `/auth-config.json`. */
  readonly webSignIn: WebSignIn;
}

/**
 * Deep links (`/risk-sources/123`) are rewritten to the SPA shell in the default behaviour only.
 * Distribution-wide error responses would also turn the API's 403/404 problem+json into HTML.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/** Static SPA on S3 behind CloudFront (OAC), with the HTTP API on the same origin under /api. */
export class FrontendStack extends Stack {
  readonly distribution: Distribution;
  readonly siteBucket: Bucket;

  constructor(scope: Construct, id: string, props: FrontendStackProps) {
    super(scope, id, props);
    const { config } = props;

    // CloudFront standard logs are delivered through ACLs, hence OBJECT_WRITER and SSE-S3.
    const logs = new Bucket(this, "LogsBucket", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(config.isProd ? 365 : 30) }],
      removalPolicy: config.dataRemovalPolicy,
    });
    acknowledge(logs, [
      {
        id: "AwsSolutions-S1",
        reason: "This is the log target itself; logging it into itself would recurse.",
      },
    ]);

    // Site content is a build artefact, rebuilt from source on every deploy: not data to retain.
    this.siteBucket = new Bucket(this, "SiteBucket", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: "site/",
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const spaRewrite = new EdgeFunction(this, "SpaRewrite", {
      code: FunctionCode.fromInline(SPA_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
      comment: "Rewrite extension-less paths to /index.html",
    });

    this.distribution = new Distribution(this, "Distribution", {
      comment: `CityRisk ${config.stage}`,
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [
          { function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        "/api/*": {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything but Host: API Gateway routes on its own host name.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: "cloudfront/",
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    acknowledge(this.distribution, [
      {
        id: "AwsSolutions-CFR1",
        reason:
          "Integrators and officials connect from many networks; geography is not an access control here (Cognito is).",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "Uses the default *.cloudfront.net certificate, which does not allow choosing the TLS policy; a custom domain with an ACM certificate will set TLSv1.2_2021.",
      },
      ...(props.webAclArn
        ? []
        : [
            {
              id: "AwsSolutions-CFR2",
              reason:
                "CloudFront web ACLs must be created in us-east-1; pass webAclArn (context `webAclArn`) to attach one. The API keeps stage throttling and the JWT authorizer.",
            },
          ]),
    ]);

    // Managed login's callback and sign-out URLs come from this origin (context `webUrl`).
    new CfnOutput(this, "WebUrl", {
      value: `https://${this.distribution.distributionDomainName}`,
      description: "The web app's origin: deploy again with -c webUrl=<this> for sign-in",
    });

    if (props.assetsPath) this.deployAssets(props.assetsPath, props.webSignIn);
  }

  private deployAssets(assetsPath: string, webSignIn: WebSignIn): void {
    new BucketDeployment(this, "DeploySite", {
      sources: [
        Source.asset(assetsPath),
        // Read by the app at start-up (frontend/src/auth/auth-config.ts); the local gateway
        // answers the same path with the local provider's settings.
        Source.jsonData("auth-config.json", {
          authority: webSignIn.authority,
          clientId: webSignIn.clientId,
          signOut: "cognito",
          logoutUrl: webSignIn.logoutUrl,
        }),
      ],
      destinationBucket: this.siteBucket,
      distribution: this.distribution,
      distributionPaths: ["/index.html", "/auth-config.json"],
    });
    // The deployment's handler is a stack-level singleton; suppress on it (and its role) only.
    const handlers = this.node.children.filter((c) =>
      c.node.id.startsWith("Custom::CDKBucketDeployment"),
    );
    const assetObjects = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`;
    const deploymentReason =
      "aws-cdk-lib's BucketDeployment handler (deploy-time only) copies the built SPA from the CDK asset bucket into the site bucket and invalidates the distribution; its policy is generated by CDK.";
    acknowledge(handlers, [
      {
        id: "AwsSolutions-L1",
        reason: "The BucketDeployment handler's runtime is chosen by aws-cdk-lib, not by this app.",
      },
      {
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason: deploymentReason,
      },
      ...[
        "Action::s3:GetObject*",
        "Action::s3:GetBucket*",
        "Action::s3:List*",
        "Action::s3:DeleteObject*",
        "Action::s3:Abort*",
        `Resource::${assetObjects}`,
        `Resource::${nagRef(this, this.siteBucket.bucketArn)}/*`,
        // cloudfront:CreateInvalidation/GetInvalidation have no resource-level permissions.
        "Resource::*",
      ].map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: deploymentReason })),
    ]);
  }
}
