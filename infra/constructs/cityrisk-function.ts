import { basename, join } from "node:path";
import { Duration, Stack } from "aws-cdk-lib";
import { type IGrantable, type IPrincipal, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { ENV } from "../../functions/platform/environment.ts";
import {
  type FunctionDefinition,
  METRICS_NAMESPACE,
} from "../../functions/platform/manifest-types.ts";
import type { DataResources } from "../stacks/data-stack.ts";
import { bundleAliases, LAMBDA_BUNDLE } from "./bundle-options.ts";
import { acknowledge } from "./nag.ts";
import { REPO_ROOT } from "./repo-root.ts";

export const FUNCTION_DEFAULTS = { memoryMb: 256, timeoutSeconds: 10 } as const;

export interface CityRiskFunctionProps {
  readonly definition: FunctionDefinition;
  readonly stage: string;
  readonly logRetention: RetentionDays;
  /** Required when the definition declares table or bucket access. */
  readonly data?: DataResources;
  readonly environment?: Readonly<Record<string, string>>;
  /** Defaults to the repository root; handler paths in the manifest are relative to it. */
  readonly projectRoot?: string;
}

/**
 * The house Lambda: one manifest entry in, one bundled arm64 Node.js function out, with its own
 * log group, tracing, and exactly the table/bucket grants the entry declares (after Powertools'
 * function-with-logstream construct).
 */
export class CityRiskFunction extends Construct implements IGrantable {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly definition: FunctionDefinition;

  constructor(scope: Construct, id: string, props: CityRiskFunctionProps) {
    super(scope, id);
    const { definition, data } = props;
    const root = props.projectRoot ?? REPO_ROOT;
    this.definition = definition;

    if ((definition.table || definition.bucket) && !data) {
      throw new Error(`${definition.id}: declares table/bucket access but no data resources given`);
    }

    this.logGroup = new LogGroup(this, "Logs", {
      logGroupName: `/cityrisk/${props.stage}/${definition.id}`,
      retention: props.logRetention,
    });

    // An explicit role: the default one attaches the AWSLambdaBasicExecutionRole managed policy,
    // which allows writing to every log group in the account.
    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `CityRisk ${props.stage} ${definition.id}`,
    });
    this.logGroup.grantWrite(this.role);

    // The risk cards' QR-link key: generated once per function, handed over at deploy time by a
    // CloudFormation dynamic reference (never in the template or the code).
    const cardLinkSecret = definition.signsCardLinks
      ? new Secret(this, "CardLinkSecret", {
          description: `CityRisk ${props.stage} ${definition.id}: HMAC key of risk card QR links`,
          generateSecretString: { passwordLength: 64, excludePunctuation: true },
        })
      : undefined;
    if (cardLinkSecret) {
      acknowledge(cardLinkSecret, [
        {
          id: "AwsSolutions-SMG4",
          reason:
            "Rotating the card-link key would void every QR code already printed and posted; links expire by themselves a month after the source's review is due.",
        },
      ]);
    }
    const assets = definition.assets ?? [];

    this.function = new NodejsFunction(this, "Function", {
      entry: join(root, definition.handler),
      handler: "handler",
      projectRoot: root,
      depsLockFilePath: join(root, "package-lock.json"),
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: definition.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        [ENV.stage]: props.stage,
        // Each function logs, counts and traces as itself (functions/platform/powertools.ts).
        [ENV.serviceName]: definition.id,
        [ENV.metricsNamespace]: METRICS_NAMESPACE,
        [ENV.logLevel]: "INFO",
        ...(definition.table && data ? { [ENV.tableName]: data.table.tableName } : {}),
        ...(definition.bucket && data ? { [ENV.bucketName]: data.bucket.bucketName } : {}),
        ...(definition.archivesReadings && data?.readingsStream
          ? { [ENV.readingsDeliveryStream]: data.readingsStream.deliveryStreamName }
          : {}),
        ...(cardLinkSecret
          ? { [ENV.cardLinkSecret]: cardLinkSecret.secretValue.unsafeUnwrap() }
          : {}),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLE.target,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: true,
        externalModules: [...LAMBDA_BUNDLE.external],
        banner: LAMBDA_BUNDLE.banner,
        esbuildArgs: Object.fromEntries(
          Object.entries(bundleAliases(root)).map(([name, path]) => [`--alias:${name}`, path]),
        ),
        forceDockerBundling: false,
        // Files the code reads at run time go beside index.mjs (FunctionDefinition.assets).
        ...(assets.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  assets.map(
                    (folder) =>
                      `cp -r "${join(inputDir, folder)}" "${join(outputDir, basename(folder))}"`,
                  ),
              },
            }
          : {}),
      },
    });

    if (definition.table && data) {
      this.role.addManagedPolicy(data.accessPolicies.table[definition.table]);
    }
    if (definition.bucket && data) {
      this.role.addManagedPolicy(data.accessPolicies.bucket[definition.bucket]);
    }
    if (definition.archivesReadings) {
      if (!data?.readingsStream) {
        throw new Error(`${definition.id}: archives readings but no readings stream given`);
      }
      data.readingsStream.grantPutRecords(this.role);
    }

    acknowledge(this.function, [
      {
        id: "AwsSolutions-L1",
        reason:
          "Pinned to nodejs22.x on purpose: the local stack and CI run the same major; moving to 24 is a deliberate upgrade across both targets.",
      },
    ]);
    acknowledge(this.role, [
      {
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "X-Ray PutTraceSegments/PutTelemetryRecords (tracing) support no resource-level permissions; data actions are checked separately by the infra IAM test.",
      },
    ]);
  }

  get grantPrincipal(): IPrincipal {
    return this.role;
  }

  get stack(): Stack {
    return Stack.of(this);
  }
}
