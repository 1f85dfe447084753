import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import { buildApp, iamStatements, logicalId, nagViolations } from "./build-app.ts";

interface FunctionResource {
  Properties: { Environment?: { Variables?: Record<string, unknown> } };
}

/** The Aliyun key's secret (the stack keeps other secrets of its own). */
const aliyunSecrets = (template: Template) =>
  Object.keys(template.findResources("AWS::SecretsManager::Secret")).filter((id) =>
    id.startsWith("AliyunSmsKey"),
  );

const texting = manifest.filter((f) => f.sendsSms).map((f) => f.id);

function envOf(template: Template, built: ReturnType<typeof buildApp>) {
  return new Map(
    [...built.api.functions].map(([id, fn]) => {
      const resource = template.toJSON().Resources[logicalId(fn.function)] as FunctionResource;
      return [id, resource.Properties.Environment?.Variables ?? {}];
    }),
  );
}

describe("send-SMS grant (manifest `sendsSms`)", () => {
  it("is declared by the SMS channel and the digests, which text", () => {
    expect(texting.sort()).toEqual(["notification-digests", "sms-delivery"]);
  });

  it("on AWS: SendTextMessage for the texting functions only, with the provider set", () => {
    const built = buildApp({ manifest, schedules, messaging });
    const template = Template.fromStack(built.api);
    const sms = iamStatements(template).filter((s) =>
      (typeof s.Action === "string" ? [s.Action] : s.Action).some((a) =>
        a.startsWith("sms-voice:"),
      ),
    );
    expect(sms).toHaveLength(texting.length);
    expect(sms[0]).toMatchObject({ Effect: "Allow", Action: "sms-voice:SendTextMessage" });
    for (const [id, env] of envOf(template, built)) {
      expect(env.CITYRISK_SMS_PROVIDER, id).toEqual(texting.includes(id) ? "aws" : undefined);
    }
    expect(aliyunSecrets(template)).toEqual([]);
  });

  it("with Aliyun: the key in one Secrets Manager secret the texting functions may read, never in their environment", () => {
    const built = buildApp({
      manifest,
      schedules,
      messaging,
      sms: {
        provider: "aliyun",
        sender: "城市安全风险云",
        template: "SMS_123",
        digestTemplate: "SMS_124",
      },
    });
    const template = Template.fromStack(built.api);
    expect(aliyunSecrets(template)).toHaveLength(1);
    const reads = iamStatements(template).filter((s) =>
      (typeof s.Action === "string" ? [s.Action] : s.Action).includes(
        "secretsmanager:GetSecretValue",
      ),
    );
    expect(reads).toHaveLength(texting.length);
    for (const [id, env] of envOf(template, built)) {
      if (!texting.includes(id)) {
        expect(env.CITYRISK_ALIYUN_ACCESS_KEY_SECRET, id).toBeUndefined();
        continue;
      }
      expect(env).toMatchObject({
        CITYRISK_SMS_PROVIDER: "aliyun",
        CITYRISK_SMS_SENDER: "城市安全风险云",
        CITYRISK_SMS_TEMPLATE: "SMS_123",
        CITYRISK_SMS_DIGEST_TEMPLATE: "SMS_124",
      });
      expect(env.CITYRISK_ALIYUN_ACCESS_KEY).toBeUndefined();
      expect(JSON.stringify(env.CITYRISK_ALIYUN_ACCESS_KEY_SECRET)).toContain("AliyunSmsKey");
    }
    expect(nagViolations(built.app).map((v) => v.ruleName)).toEqual([]);
  });
});
