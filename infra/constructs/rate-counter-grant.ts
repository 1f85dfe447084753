import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { ENV } from "../../functions/platform/environment.ts";
import { RATE_COUNTER_ATTRIBUTES } from "../../functions/platform/http/rate-counter-item.ts";
import { type FunctionDefinition, routesOf } from "../../functions/platform/manifest-types.ts";
import { TENANT_PARTITION_PREFIX } from "../../functions/platform/tenant-partition.ts";
import type { DataResources } from "../stacks/data-stack.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";
import { KEY_ACTIONS } from "./grants.ts";

/** Functions with a route integrators may call: the HTTP factory counts those calls per tenant. */
export function servesIntegrators(definition: FunctionDefinition): boolean {
  return routesOf(definition).some(
    (route) => route.access !== "public" && route.access.roles.includes("integrator"),
  );
}

/**
 * Lets an integrator-facing function bump its tenants' rate counters (functions/platform/http/
 * rate-limit.ts) with its own role, even when its manifest entry only reads the table: UpdateItem
 * on tenant partitions, touching the counter's attributes and nothing else, returning nothing.
 */
export function grantRateCounter(fn: CityRiskFunction, data: DataResources): void {
  if (!servesIntegrators(fn.definition)) return;
  fn.function.addEnvironment(ENV.tableName, data.table.tableName);
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ["dynamodb:UpdateItem"],
      resources: [data.table.tableArn],
      conditions: {
        "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${TENANT_PARTITION_PREFIX}*`] },
        "ForAllValues:StringEquals": { "dynamodb:Attributes": [...RATE_COUNTER_ATTRIBUTES] },
        StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
      },
    }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...KEY_ACTIONS.readWrite], resources: [data.key.keyArn] }),
  );
}
