import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { ENV, isDeclaredEnvName } from "../../functions/platform/environment.ts";
import { checkFunctionEnvironment } from "../../functions/platform/function-environment.ts";
import { type Manifest, routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
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
function expectedRoutes(m: Manifest): Map<string, "NONE" | "CUSTOM"> {
  return new Map(
    m.flatMap(routesOf).map((r) => [routeKey(r), r.access === "public" ? "NONE" : "CUSTOM"]),
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
    for (const r of routes.filter((x) => x.Properties.AuthorizationType === "CUSTOM")) {
      expect(r.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });

  it("caps each queue's concurrent batches where its definition declares them, and only there; batches of its batch size (one pass segment an invocation)", () => {
    const mappings = Object.values(template.findResources("AWS::Lambda::EventSourceMapping")) as {
      Properties: {
        FunctionName: unknown;
        BatchSize?: number;
        ScalingConfig?: { MaximumConcurrency: number };
      };
    }[];
    for (const queue of messaging.queues) {
      const consumer = manifest.find((d) => d.queues?.includes(queue.id));
      const fn = consumer ? built.api.functions.get(consumer.id) : undefined;
      if (!fn) throw new Error(`no consumer built for ${queue.id}`);
      const mapping = mappings.find(
        (m) =>
          JSON.stringify(m.Properties.FunctionName) ===
          JSON.stringify({ Ref: logicalId(fn.function) }),
      );
      expect(mapping?.Properties.ScalingConfig?.MaximumConcurrency, queue.id).toBe(
        queue.concurrentBatches,
      );
      expect(mapping?.Properties.BatchSize, queue.id).toBe(queue.batchSize ?? 10);
    }
    expect(messaging.queues.find((q) => q.id === "webhooks")?.concurrentBatches).toBe(10);
    expect(messaging.queues.find((q) => q.id === "passes")?.batchSize).toBe(1);
  });

  it("schedules every product schedule once, on the function that declares it (cdk synth shows them)", () => {
    const synthesized = Object.values(template.findResources("AWS::Scheduler::Schedule")) as {
      Properties: {
        ScheduleExpression: string;
        ScheduleExpressionTimezone: string;
        Target: { Arn: unknown; Input: unknown };
      };
    }[];
    expect(synthesized).toHaveLength(schedules.length);
    for (const schedule of schedules) {
      const owner = manifest.find((d) => d.schedules?.includes(schedule.id));
      const fn = owner ? built.api.functions.get(owner.id) : undefined;
      if (!fn) throw new Error(`no function runs the schedule ${schedule.id}`);
      const found = synthesized.filter((s) =>
        JSON.stringify(s.Properties.Target.Input).includes(`\\"${schedule.id}\\"`),
      );
      expect(found, schedule.id).toHaveLength(1);
      expect(found[0]?.Properties).toMatchObject({
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timezone,
        Target: { Arn: { "Fn::GetAtt": [logicalId(fn.function), "Arn"] } },
      });
    }
    // The passes the issue names: reviews due daily, re-evaluation daily, the quarterly reminder.
    expect(schedules.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "review-due",
        "reevaluation",
        "statistics-reminder",
        "stats-reconcile",
      ]),
    );
  });

  const authorizerFunction = () => {
    const id = manifest.find((d) => d.authorizer)?.id;
    const fn = id ? built.api.functions.get(id) : undefined;
    if (!fn) throw new Error("no authorizer function built");
    return fn.function;
  };

  it("alarms on the reconciliation's drift: any StatsDrift above 0 in a day, missing data not a breach", () => {
    const alarms = manifest.flatMap((d) => (d.alarms ?? []).map((a) => ({ ...a, service: d.id })));
    expect(alarms.map((a) => [a.service, a.metric])).toEqual([["pass-worker", "StatsDrift"]]);
    template.resourceCountIs("AWS::CloudWatch::Alarm", alarms.length);
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      Namespace: "CityRisk",
      MetricName: "StatsDrift",
      Dimensions: [{ Name: "service", Value: "pass-worker" }],
      Statistic: "Maximum",
      Period: 86_400,
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it("authorizes with the manifest's authorizer function: simple responses, cached a minute", () => {
    const authorizers = Object.values(template.findResources("AWS::ApiGatewayV2::Authorizer"));
    expect(authorizers).toHaveLength(1);
    const props = (authorizers[0] as { Properties: Record<string, unknown> }).Properties;
    expect(props).toMatchObject({
      AuthorizerType: "REQUEST",
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: true,
      IdentitySource: ["$request.header.Authorization"],
      AuthorizerResultTtlInSeconds: 60,
    });
    expect(JSON.stringify(props.AuthorizerUri)).toContain(logicalId(authorizerFunction()));
  });

  it("points the authorizer at the pool's issuer, its JWKS and the web client", () => {
    const resource = template.toJSON().Resources[logicalId(authorizerFunction())];
    const env = JSON.stringify(resource.Properties.Environment.Variables);
    expect(env).toContain("CITYRISK_IDENTITY_ISSUER");
    expect(env).toContain("https://cognito-idp.");
    expect(env).toContain("/.well-known/jwks.json");
    expect(env).toContain("CITYRISK_WEB_CLIENT_IDS");
    expect(built.auth.webClients).toHaveLength(1);
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

  describe("each function's environment", () => {
    const environmentOf = (id: string): Record<string, unknown> => {
      const fn = built.api.functions.get(id);
      if (!fn) throw new Error(`${id} is not in the API stack`);
      return template.toJSON().Resources[logicalId(fn.function)].Properties.Environment.Variables;
    };

    it("names the function's service after its manifest id", () => {
      for (const { id } of manifest) {
        expect(environmentOf(id)[ENV.serviceName], id).toBe(id);
      }
    });

    it("sets only variables whose names come from the one environment module", () => {
      for (const { id } of manifest) {
        const undeclared = Object.keys(environmentOf(id)).filter((n) => !isDeclaredEnvName(n));
        expect(undeclared, id).toEqual([]);
      }
    });

    it("holds everything the function's manifest entry makes its config schema require", () => {
      for (const definition of manifest) {
        // Values are CloudFormation tokens at synth; only their presence matters here.
        const present = Object.fromEntries(
          Object.keys(environmentOf(definition.id)).map((name) => [name, "set"]),
        );
        expect(() => checkFunctionEnvironment(definition, present), definition.id).not.toThrow();
      }
    });
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
