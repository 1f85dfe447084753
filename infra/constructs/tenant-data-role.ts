import { Duration } from "aws-cdk-lib";
import {
  ArnPrincipal,
  CompositePrincipal,
  PolicyDocument,
  PolicyStatement,
  Role,
} from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { ENV } from "../../functions/platform/environment.ts";
import {
  type DataAccess,
  type FunctionDefinition,
  routesOf,
} from "../../functions/platform/manifest-types.ts";
import {
  TENANT_PARTITION_PREFIX,
  TENANT_SESSION_TAG,
} from "../../functions/platform/tenant-partition.ts";
import type { DataResources } from "../stacks/data-stack.ts";
import type { CityRiskFunction } from "./cityrisk-function.ts";
import { KEY_ACTIONS, TABLE_ACTIONS } from "./grants.ts";

/** The environment variable the functions' config reads the role ARN from. */
export const TENANT_DATA_ROLE_ENV = ENV.tenantDataRoleArn;

/** `T#${aws:PrincipalTag/tenantId}`: the one partition a session of the role may touch. */
export const TENANT_LEADING_KEY = `${TENANT_PARTITION_PREFIX}\${aws:PrincipalTag/${TENANT_SESSION_TAG}}`;

/**
 * Item actions only: DescribeTable names no partition, so `ForAllValues` over an empty key set
 * would let it through; Scan is absent from TABLE_ACTIONS for the same reason.
 */
export function tenantTableActions(level: DataAccess): string[] {
  return TABLE_ACTIONS[level].filter((action) => action !== "dynamodb:DescribeTable");
}

/** Functions behind authenticated HTTP routes act for a caller's tenant; others act for the system. */
export function isApiFunction(definition: FunctionDefinition): boolean {
  return routesOf(definition).some((route) => route.access !== "public");
}

export interface TenantDataRolesProps {
  readonly data: DataResources;
  readonly stage: string;
  readonly functions: Iterable<CityRiskFunction>;
}

/**
 * Tenant isolation below the application (AWS SaaS Factory pattern): per access level, a role
 * whose table policy only matches `dynamodb:LeadingKeys` = `T#<the session's tenantId tag>`,
 * assumable with that tag only by the roles of the API functions declaring the level. Each such
 * function gets the ARN in `TENANT_DATA_ROLE_ARN` (functions/platform/tenant-data-client.ts).
 * Secondary indexes are left out on purpose: their partition keys do not lead with `T#<tenant>`.
 */
export class TenantDataRoles extends Construct {
  readonly roles: ReadonlyMap<DataAccess, Role>;

  constructor(scope: Construct, id: string, props: TenantDataRolesProps) {
    super(scope, id);
    const { table, key } = props.data;
    const apiFunctions = [...props.functions].filter(
      (fn) => isApiFunction(fn.definition) && fn.definition.table !== undefined,
    );
    const roles = new Map<DataAccess, Role>();
    for (const level of ["read", "readWrite"] as const) {
      const users = apiFunctions.filter((fn) => fn.definition.table === level);
      if (users.length === 0) continue;
      const role = new Role(this, `Role-${level}`, {
        description: `CityRisk ${props.stage} tenant data (${level}), one tenant per session`,
        maxSessionDuration: Duration.hours(1),
        assumedBy: new CompositePrincipal(...users.map((fn) => new ArnPrincipal(fn.role.roleArn)))
          .withConditions({
            // A session without exactly the tenant tag could not be scoped: refuse to create it.
            StringLike: { [`aws:RequestTag/${TENANT_SESSION_TAG}`]: "?*" },
            "ForAllValues:StringEquals": { "aws:TagKeys": [TENANT_SESSION_TAG] },
          })
          .withSessionTags(),
        inlinePolicies: {
          TenantData: new PolicyDocument({
            statements: [
              new PolicyStatement({
                actions: tenantTableActions(level),
                resources: [table.tableArn],
                conditions: {
                  "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": [TENANT_LEADING_KEY] },
                },
              }),
              new PolicyStatement({ actions: [...KEY_ACTIONS[level]], resources: [key.keyArn] }),
            ],
          }),
        },
      });
      for (const fn of users) {
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ["sts:AssumeRole", "sts:TagSession"],
            resources: [role.roleArn],
          }),
        );
        fn.function.addEnvironment(TENANT_DATA_ROLE_ENV, role.roleArn);
      }
      roles.set(level, role);
    }
    this.roles = roles;
  }
}
