import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { type Manifest, routeKey } from "../../functions/platform/manifest-types.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import {
  fixtureManifest,
  fixtureMessaging,
  fixtureSchedules,
} from "../../test/fixtures/fixture-manifest.ts";
import { type BuiltApp, buildApp, logicalId } from "./build-app.ts";

interface RouteResource {
  Properties: { RouteKey: string; AuthorizationType: string; AuthorizerId?: unknown };
}

/** Route keys with the authorization each must have, straight from a manifest. */
function expectedRoutes(m: Manifest): Map<string, "NONE" | "JWT"> {
  return new Map(
    m
      .flatMap((f) => f.routes ?? [])
      .map((r) => [routeKey(r), r.access === "public" ? "NONE" : "JWT"]),
  );
}

function actualRoutes(template: Template): Map<string, string> {
  const routes = Object.values(
    template.findResources("AWS::ApiGatewayV2::Route"),
  ) as RouteResource[];
  return new Map(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]));
}

describe("ApiStack with the product manifest", () => {
  let built: BuiltApp;
  let template: Template;
  beforeAll(() => {
    built = buildApp({ manifest, schedules, messaging });
    template = Template.fromStack(built.api);
  });

  it("routes exactly the manifest's route keys, public ones without the authorizer", () => {
    expect(actualRoutes(template)).toEqual(expectedRoutes(manifest));
    const [authorizerId] = Object.keys(template.findResources("AWS::ApiGatewayV2::Authorizer"));
    const routes = Object.values(
      template.findResources("AWS::ApiGatewayV2::Route"),
    ) as RouteResource[];
    for (const r of routes.filter((x) => x.Properties.AuthorizationType === "JWT")) {
      expect(r.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });

  it("verifies Cognito JWTs issued by the pool for the app clients", () => {
    const authorizers = Object.values(template.findResources("AWS::ApiGatewayV2::Authorizer"));
    expect(authorizers).toHaveLength(1);
    const props = (authorizers[0] as { Properties: Record<string, unknown> }).Properties;
    expect(props).toMatchObject({
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
    });
    const jwt = props.JwtConfiguration as {
      Issuer: { "Fn::Join": [string, unknown[]] };
      Audience: unknown[];
    };
    const issuerParts = JSON.stringify(jwt.Issuer["Fn::Join"][1]);
    expect(issuerParts).toContain("https://cognito-idp.");
    expect(issuerParts).toContain("AWS::Region");
    expect(issuerParts).toMatch(/UserPool/);
    expect(jwt.Audience).toHaveLength(built.auth.apiClients.length);
  });

  it("runs every function on Node.js 22, arm64, traced, with its own log group", () => {
    const functions = Object.values(template.findResources("AWS::Lambda::Function")) as {
      Properties: Record<string, unknown>;
    }[];
    expect(functions).toHaveLength(manifest.length);
    for (const f of functions) {
      expect(f.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        Handler: "index.handler",
      });
    }
    template.allResourcesProperties("AWS::Logs::LogGroup", { RetentionInDays: 7 });
  });

  it("passes the table, bucket and service names through the environment", () => {
    const fn = built.api.functions.get("system-api");
    if (!fn) throw new Error("system-api is not in the API stack");
    const resource = template.toJSON().Resources[logicalId(fn.function)];
    expect(Object.keys(resource.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining([
        "TABLE_NAME",
        "BUCKET_NAME",
        "POWERTOOLS_SERVICE_NAME",
        "CITYRISK_STAGE",
      ]),
    );
    expect(resource.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe("system-api");
  });

  it("logs every request as JSON and throttles the default stage", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { "Fn::GetAtt": [logicalId(built.api.httpApi.accessLogs), "Arn"] },
        Format: Match.serializedJson(
          Match.objectLike({ routeKey: "$context.routeKey", status: "$context.status" }),
        ),
      },
      DefaultRouteSettings: { ThrottlingBurstLimit: 400, ThrottlingRateLimit: 200 },
    });
  });

  it("keeps a year of logs in prod", () => {
    const prodTemplate = Template.fromStack(
      buildApp({ manifest, schedules, messaging, stage: "prod" }).api,
    );
    prodTemplate.allResourcesProperties("AWS::Logs::LogGroup", { RetentionInDays: 365 });
  });
});

describe("ApiStack with the fixture manifest", () => {
  it("routes exactly the fixture's route keys with their authorization", () => {
    const built = buildApp({
      manifest: fixtureManifest,
      schedules: fixtureSchedules,
      messaging: fixtureMessaging,
    });
    expect(actualRoutes(Template.fromStack(built.api))).toEqual(expectedRoutes(fixtureManifest));
  });
});
