import type { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import {
  fixtureManifest,
  fixtureMessaging,
  fixtureSchedules,
} from "../../test/fixtures/fixture-manifest.ts";
import { type BuiltApp, buildApp, dataWildcards, iamStatements } from "./build-app.ts";

function stacksOf(built: BuiltApp): Stack[] {
  return [built.data, built.auth, built.messaging, built.api, built.frontend];
}

describe("IAM statements", () => {
  let product: BuiltApp;
  let fixture: BuiltApp;
  beforeAll(() => {
    product = buildApp({ manifest, schedules, messaging });
    fixture = buildApp({
      manifest: fixtureManifest,
      schedules: fixtureSchedules,
      messaging: fixtureMessaging,
    });
  });

  it("the checker itself flags wildcard data actions and data actions on *", () => {
    expect(
      dataWildcards([
        { Effect: "Allow", Action: "dynamodb:*", Resource: "arn:table" },
        { Effect: "Allow", Action: ["s3:GetObject*"], Resource: "arn:bucket/*" },
        { Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
        { Effect: "Allow", Action: "*", Resource: "arn:x" },
        { Effect: "Deny", Action: "s3:*", Resource: "*" },
        { Effect: "Allow", Action: "xray:PutTraceSegments", Resource: "*" },
      ]),
    ).toEqual([
      "wildcard action dynamodb:*",
      "wildcard action s3:GetObject*",
      "sqs:SendMessage on resource *",
      "action *",
    ]);
  });

  it.each([
    ["product", () => product],
    ["fixture", () => fixture],
  ])("grants no wildcard DynamoDB/S3/SNS/SQS action and none on * (%s manifest)", (_, app) => {
    for (const stack of stacksOf(app())) {
      // The one exception: the readings archive's Firehose delivery role, which the CDK
      // construct grants read-write on the bucket (acknowledged in data-stack.ts). No function.
      const statements = iamStatements(
        Template.fromStack(stack),
        (id) => !id.startsWith("ReadingsStreamS3DestinationRole"),
      );
      expect({ stack: stack.stackName, problems: dataWildcards(statements) }).toEqual({
        stack: stack.stackName,
        problems: [],
      });
    }
  });

  it("actually inspects the fixture's data grants (the check is not vacuous)", () => {
    const actions = [templateOf(fixture.data), templateOf(fixture.api)].flatMap((t) =>
      iamStatements(t).flatMap((s) => (typeof s.Action === "string" ? [s.Action] : s.Action)),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:GetRecords",
        "s3:GetObject",
        "sns:Publish",
        "sqs:ReceiveMessage",
        "sqs:SendMessage",
      ]),
    );
    expect(actions).not.toContain("dynamodb:Scan");
  });
});

function templateOf(stack: Stack): Template {
  return Template.fromStack(stack);
}
