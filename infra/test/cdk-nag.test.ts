import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../../functions/manifest.ts";
import { messaging } from "../../functions/platform/messaging-definitions.ts";
import {
  fixtureManifest,
  fixtureMessaging,
  fixtureSchedules,
} from "../../test/fixtures/fixture-manifest.ts";
import { type AppInput, buildApp, nagViolations } from "./build-app.ts";

/** A stand-in for `frontend/dist`, so the BucketDeployment path is checked too. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "cityrisk-dist-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>CityRisk</title>");
  return dir;
}

const product = { manifest, schedules, messaging };
const fixture = {
  manifest: fixtureManifest,
  schedules: fixtureSchedules,
  messaging: fixtureMessaging,
};

/**
 * AwsSolutions (cdk-nag 3): no unacknowledged error or warning anywhere. Every acknowledgment
 * carries its reason next to the resource it concerns.
 */
describe("cdk-nag AwsSolutions", () => {
  const cases: [string, AppInput][] = [
    ["product, dev", { ...product, stage: "dev" }],
    [
      "product, prod, with frontend assets",
      { ...product, stage: "prod", frontendAssets: fakeDist() },
    ],
    ["fixture, dev", { ...fixture, stage: "dev" }],
  ];
  it("is live: an unprotected bucket is reported", () => {
    const app = new App({ builtinCloudFormationValidation: false });
    new Bucket(new Stack(app, "Bad"), "Open");
    const rules = nagViolations(app).map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(["AwsSolutions-S1", "AwsSolutions-S10"]));
  });

  it.each(cases)("reports nothing for the %s app", (_, input) => {
    const violations = nagViolations(buildApp(input).app).map((v) => ({
      rule: v.ruleName,
      severity: v.severity,
      at: v.violatingResources.map((r) => r.constructPath),
    }));
    expect(violations).toEqual([]);
  });
});
