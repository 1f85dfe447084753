import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { type Manifest, routesOf } from "../../functions/platform/manifest-types.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import {
  fixtureManifest,
  fixtureMessaging,
  fixtureSchedules,
} from "../../test/fixtures/fixture-manifest.ts";
import type { CityRiskFunction } from "../constructs/cityrisk-function.ts";
import { tenantTableActions } from "../constructs/tenant-data-role.ts";
import { type BuiltApp, buildApp, logicalId } from "./build-app.ts";

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: { AWS?: unknown };
  Condition?: Record<string, Record<string, unknown>>;
}
interface RoleResource {
  Properties: {
    AssumeRolePolicyDocument: { Statement: Statement[] };
    Policies?: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
  };
}

/**
 * The fixture manifest plus two readers: one behind an authenticated route (an API function that
 * must get the read role) and one public only (which must not).
 */
const testManifest: Manifest = [
  ...fixtureManifest,
  {
    id: "fixture-reader",
    description: "Fixture API function reading tenant data, open to integrators",
    handler: "test/fixtures/functions/http.handler.ts",
    routes: {
      feed: {
        method: "GET",
        path: "/api/v1/fixture/feed",
        access: { roles: ["integrator", "districtOfficial"] },
        summary: "Fixture",
      },
    },
    table: "read",
  },
  {
    id: "fixture-public-reader",
    description: "Fixture public function reading the table",
    handler: "test/fixtures/functions/http.handler.ts",
    routes: {
      open: { method: "GET", path: "/api/v1/fixture/open", access: "public", summary: "Fixture" },
    },
    table: "read",
  },
];

const TABLE_ARN = expect.objectContaining({
  "Fn::ImportValue": expect.stringMatching(/MainTable[0-9A-F]+Arn/),
});
const KEY_ARN = expect.objectContaining({
  "Fn::ImportValue": expect.stringMatching(/DataKey[0-9A-F]+Arn/),
});
const TAG_CONDITION = {
  StringLike: { "aws:RequestTag/tenantId": "?*" },
  "ForAllValues:StringEquals": { "aws:TagKeys": ["tenantId"] },
};

describe("tenant data roles (LeadingKeys isolation below the application)", () => {
  let built: BuiltApp;
  let template: Template;
  const fn = (id: string): CityRiskFunction => {
    const found = built.api.functions.get(id);
    if (!found) throw new Error(`no function ${id}`);
    return found;
  };
  const roleResource = (level: "read" | "readWrite"): RoleResource => {
    const role = built.api.tenantData.roles.get(level);
    if (!role) throw new Error(`no ${level} tenant data role`);
    return template.toJSON().Resources[logicalId(role)];
  };
  const roleArnOf = (level: "read" | "readWrite") => {
    const role = built.api.tenantData.roles.get(level);
    if (!role) throw new Error(`no ${level} tenant data role`);
    return { "Fn::GetAtt": [logicalId(role), "Arn"] };
  };
  const environment = (id: string): Record<string, unknown> =>
    template.toJSON().Resources[logicalId(fn(id).function)].Properties.Environment.Variables;

  beforeAll(() => {
    built = buildApp({
      manifest: testManifest,
      schedules: fixtureSchedules,
      messaging: fixtureMessaging,
    });
    template = Template.fromStack(built.api);
  });

  it.each(["read", "readWrite"] as const)(
    "lets the %s role touch only its session tenant's partition of the base table",
    (level) => {
      expect(roleResource(level).Properties.Policies).toEqual([
        {
          PolicyName: "TenantData",
          PolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: tenantTableActions(level),
                Resource: TABLE_ARN,
                Condition: {
                  "ForAllValues:StringEquals": {
                    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
                    "dynamodb:LeadingKeys": ["T#${aws:PrincipalTag/tenantId}"],
                  },
                },
              },
              {
                Effect: "Allow",
                Action:
                  level === "read"
                    ? "kms:Decrypt"
                    : ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
                Resource: KEY_ARN,
              },
            ],
          },
        },
      ]);
    },
  );

  it("grants no action that names no partition (Scan, DescribeTable) and no index", () => {
    for (const level of ["read", "readWrite"] as const) {
      const [tableStatement] =
        roleResource(level).Properties.Policies?.[0]?.PolicyDocument.Statement ?? [];
      expect(tableStatement?.Action).not.toContain("dynamodb:Scan");
      expect(tableStatement?.Action).not.toContain("dynamodb:DescribeTable");
      expect(JSON.stringify(tableStatement?.Resource)).not.toContain("index");
    }
    expect(tenantTableActions("readWrite")).toEqual(
      expect.arrayContaining(["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"]),
    );
  });

  it.each([
    ["read", ["fixture-reader"]],
    ["readWrite", ["fixture-http"]],
  ] as const)(
    "lets only the %s API functions' roles assume the role, and only with a tenantId tag",
    (level, ids) => {
      expect(roleResource(level).Properties.AssumeRolePolicyDocument.Statement).toEqual(
        ids.map((id) => ({
          Effect: "Allow",
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Principal: { AWS: { "Fn::GetAtt": [logicalId(fn(id).role), "Arn"] } },
          Condition: TAG_CONDITION,
        })),
      );
    },
  );

  it("allows assuming it in exactly those functions' own policies", () => {
    const assumers = new Map<string, unknown>();
    for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
      const { PolicyDocument, Roles } = policy.Properties as {
        PolicyDocument: { Statement: Statement[] };
        Roles: { Ref: string }[];
      };
      for (const s of PolicyDocument.Statement.filter((x) => x.Action.includes("sts:AssumeRole"))) {
        for (const r of Roles) assumers.set(r.Ref, s);
      }
    }
    expect(assumers).toEqual(
      new Map([
        [
          logicalId(fn("fixture-http").role),
          {
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Resource: roleArnOf("readWrite"),
          },
        ],
        [
          logicalId(fn("fixture-reader").role),
          {
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Resource: roleArnOf("read"),
          },
        ],
      ]),
    );
  });

  it("passes TENANT_DATA_ROLE_ARN to API functions only, matching their access level", () => {
    expect(environment("fixture-http").TENANT_DATA_ROLE_ARN).toEqual(roleArnOf("readWrite"));
    expect(environment("fixture-reader").TENANT_DATA_ROLE_ARN).toEqual(roleArnOf("read"));
    for (const id of [
      "fixture-schedule",
      "fixture-stream",
      "fixture-queue",
      "fixture-public-reader",
    ]) {
      expect(environment(id), id).not.toHaveProperty("TENANT_DATA_ROLE_ARN");
    }
  });

  it("lets integrator-facing functions bump rate counters, and nothing more", () => {
    const statementsOf = (id: string): Statement[] => {
      const ref = logicalId(fn(id).role);
      return Object.values(template.findResources("AWS::IAM::Policy"))
        .map(
          (p) =>
            p.Properties as {
              PolicyDocument: { Statement: Statement[] };
              Roles: { Ref: string }[];
            },
        )
        .filter((p) => p.Roles.some((r) => r.Ref === ref))
        .flatMap((p) => p.PolicyDocument.Statement);
    };
    const counter = (id: string) =>
      statementsOf(id).filter((s) => s.Action === "dynamodb:UpdateItem");
    expect(counter("fixture-reader")).toEqual([
      {
        Effect: "Allow",
        Action: "dynamodb:UpdateItem",
        Resource: TABLE_ARN,
        Condition: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["T#*"] },
          "ForAllValues:StringEquals": {
            "dynamodb:Attributes": ["pk", "sk", "requestCount", "expiresAt"],
          },
          StringEqualsIfExists: { "dynamodb:ReturnValues": "NONE" },
        },
      },
    ]);
    expect(environment("fixture-reader")).toHaveProperty("TABLE_NAME");
    expect(counter("fixture-http")).toEqual([]);
  });
});

describe("tenant data roles with the product manifest", () => {
  it("gives every authenticated product function its level's role", () => {
    const built = buildApp({ manifest, schedules, messaging });
    const template = Template.fromStack(built.api).toJSON();
    for (const definition of manifest.filter(
      (d) => d.table && routesOf(d).some((r) => r.access !== "public"),
    )) {
      const fn = built.api.functions.get(definition.id);
      const role = definition.table && built.api.tenantData.roles.get(definition.table);
      if (!fn || !role) throw new Error(`${definition.id} has no function or tenant data role`);
      expect(
        template.Resources[logicalId(fn.function)].Properties.Environment.Variables,
      ).toMatchObject({
        TENANT_DATA_ROLE_ARN: { "Fn::GetAtt": [logicalId(role), "Arn"] },
      });
    }
  });
});
