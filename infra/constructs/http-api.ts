import { Duration } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
} from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { AUTHORIZER_CACHE_SECONDS } from "../../functions/platform/auth/manifest.ts";
import { type HttpRoute, routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";
import { acknowledge } from "./nag.ts";

export interface CityRiskHttpApiProps {
  readonly stage: string;
  readonly logRetention: RetentionDays;
  /**
   * The manifest's authorizer function (functions/platform/auth): verifies the pool's tokens and
   * resolves integrators' clients through their registry, which a JWT authorizer's fixed
   * audience list could not (integrators register at runtime).
   */
  readonly authorizerFunction: IFunction;
  /** Stage-wide throttle; protects the table's on-demand capacity from a runaway client. */
  readonly throttle?: { rateLimit: number; burstLimit: number };
}

/** Fields named after HTTP API `$context` variables, one JSON object per request. */
const ACCESS_LOG_FIELDS = {
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  routeKey: "$context.routeKey",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  latencyMs: "$context.responseLatency",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
} as const;

/** The HTTP API (payload 2.0) with the product's Lambda authorizer; routes come from the manifest. */
export class CityRiskHttpApi extends Construct {
  readonly api: HttpApi;
  readonly authorizer: HttpLambdaAuthorizer;
  readonly accessLogs: LogGroup;
  private readonly routeKeys = new Set<string>();

  constructor(scope: Construct, id: string, props: CityRiskHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, "Api", {
      apiName: `cityrisk-${props.stage}`,
      // Explicit $default stage below: the implicit one cannot carry access logs or throttling.
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, "AccessLogs", { retention: props.logRetention });
    const throttle = props.throttle ?? { rateLimit: 200, burstLimit: 400 };
    new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.authorizer = new HttpLambdaAuthorizer("TokenAuthorizer", props.authorizerFunction, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ["$request.header.Authorization"],
      // A success is cached per token: a disabled user or integrator is refused after it.
      resultsCacheTtl: Duration.seconds(AUTHORIZER_CACHE_SECONDS),
    });
  }

  /**
   * One route per manifest route. Public routes get no authorizer; the rest need a valid token,
   * and the handler factory checks the role against the claims the authorizer resolved.
   */
  addFunctionRoutes(fn: CityRiskFunction): void {
    const routes = routesOf(fn.definition);
    if (routes.length === 0) return;
    const integration = new HttpLambdaIntegration(`${fn.definition.id}-integration`, fn.function);
    for (const route of routes) this.addRoute(route, integration);
  }

  private addRoute(route: HttpRoute, integration: HttpLambdaIntegration): void {
    const key = routeKey(route);
    if (this.routeKeys.has(key)) throw new Error(`route declared twice: ${key}`);
    this.routeKeys.add(key);
    const isPublic = route.access === "public";
    const created = this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      authorizer: isPublic ? new HttpNoneAuthorizer() : this.authorizer,
    });
    if (isPublic) {
      acknowledge(created, [
        {
          id: "AwsSolutions-APIG4",
          reason: `${key} is declared public in the manifest (health, OpenAPI document, docs page); every other route has the token authorizer.`,
        },
      ]);
    }
  }
}
