import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { type BuiltApp, buildApp, logicalId } from "./build-app.ts";

describe("FrontendStack", () => {
  let built: BuiltApp;
  let template: Template;
  beforeAll(() => {
    built = buildApp({ manifest, schedules, messaging });
    template = Template.fromStack(built.frontend);
  });

  it("serves the SPA from S3 through origin access control, HTTPS only", () => {
    template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
      }),
    });
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: "redirect-to-https",
          FunctionAssociations: [Match.objectLike({ EventType: "viewer-request" })],
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it("rewrites deep links to index.html without distribution-wide error pages", () => {
    template.hasResourceProperties("AWS::CloudFront::Function", {
      FunctionCode: Match.stringLikeRegexp("/index\\.html"),
      FunctionConfig: Match.objectLike({ Runtime: "cloudfront-js-2.0" }),
    });
    const distribution = Object.values(
      template.findResources("AWS::CloudFront::Distribution"),
    )[0] as {
      Properties: { DistributionConfig: Record<string, unknown> };
    };
    // Error responses would also rewrite the API's 403/404 problem+json into the HTML shell.
    expect(distribution.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
  });

  it("forwards /api/* to the HTTP API uncached, with every viewer header except Host", () => {
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: "/api/*",
            AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: Match.objectLike({ "Fn::Join": Match.anyValue() }),
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: "https-only",
              OriginSSLProtocols: ["TLSv1.2"],
            }),
          }),
        ]),
      }),
    });
    const json = JSON.stringify(template.toJSON());
    expect(json).toContain(".execute-api.");
    expect(json).toContain(logicalId(built.api.httpApi.api).slice(0, 12));
  });

  it("uploads nothing when no built frontend is given", () => {
    template.resourceCountIs("Custom::CDKBucketDeployment", 0);
  });

  it("deploys the app with /auth-config.json naming the pool's managed login", () => {
    const dist = mkdtempSync(join(tmpdir(), "cityrisk-dist-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>CityRisk</title>");
    const withAssets = buildApp({ manifest, schedules, messaging, frontendAssets: dist });
    const deployed = Template.fromStack(withAssets.frontend);
    deployed.hasResourceProperties("Custom::CDKBucketDeployment", {
      DistributionPaths: ["/index.html", "/auth-config.json"],
    });
    // Source.jsonData: the config's values resolve at deploy time from the Auth stack's pool
    // (issuer URL), web client and domain.
    const markers = JSON.stringify(deployed.toJSON().Resources);
    for (const value of [
      `Ref${logicalId(withAssets.auth.webClient)}`,
      "ProviderURL",
      "UserPoolDomain",
    ]) {
      expect(markers).toMatch(new RegExp(`"Fn::ImportValue":"Auth:ExportsOutput[^"]*${value}`));
    }
    deployed.hasOutput("WebUrl", {
      Value: { "Fn::Join": ["", ["https://", Match.anyValue()]] },
    });
  });
});
