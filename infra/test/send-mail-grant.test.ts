import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { DEFAULT_MAIL_FROM } from "../stacks/api-stack.ts";
import { type BuiltApp, buildApp, iamStatements, logicalId } from "./build-app.ts";

interface FunctionResource {
  Properties: { Environment?: { Variables?: Record<string, unknown> } };
}

describe("send-mail grant (manifest `sendsMail`)", () => {
  let built: BuiltApp;
  let template: Template;
  beforeAll(() => {
    built = buildApp({ manifest, schedules, messaging });
    template = Template.fromStack(built.api);
  });

  it("allows ses:SendEmail only from the product's sender identity", () => {
    const ses = iamStatements(template).filter((s) =>
      (typeof s.Action === "string" ? [s.Action] : s.Action).some((a) => a.startsWith("ses:")),
    );
    expect(ses).toHaveLength(manifest.filter((f) => f.sendsMail).length);
    expect(ses[0]).toMatchObject({
      Effect: "Allow",
      Action: "ses:SendEmail",
      Condition: { StringEquals: { "ses:FromAddress": DEFAULT_MAIL_FROM } },
    });
    expect(JSON.stringify(ses[0]?.Resource)).toContain(":identity/cityrisk.example.com");
  });

  it("configures the sender only for functions that declare sendsMail", () => {
    const declaring = manifest.filter((f) => f.sendsMail).map((f) => f.id);
    // Every product e-mail leaves through the outbox, or through the e-mail channel's queue that
    // the outbox feeds (warning notices and their digests).
    expect(declaring.sort()).toEqual(
      ["email-delivery", "notification-digests", "outbox-relay", "outbox-sweeper"].sort(),
    );
    for (const [id, fn] of built.api.functions) {
      const resource = template.toJSON().Resources[logicalId(fn.function)] as FunctionResource;
      const env = resource.Properties.Environment?.Variables ?? {};
      expect(env.CITYRISK_MAIL_FROM).toEqual(
        declaring.includes(id) ? DEFAULT_MAIL_FROM : undefined,
      );
    }
  });
});
