import { describe, expect, it } from "vitest";
import { grade } from "../methodology/grading.ts";
import { LEC_DEFAULT } from "../methodology/profiles/lec-default.ts";
import {
  AssessmentCreateInputSchema,
  AssessmentReviewInputSchema,
  AssessmentSchema,
} from "./assessment.ts";
import {
  EnterpriseCreateInputSchema,
  EnterpriseSchema,
  EnterpriseUpdateInputSchema,
} from "./enterprise.ts";
import {
  hasRecordedControls,
  RiskSourceCreateInputSchema,
  RiskSourceSchema,
  RiskSourceUpdateInputSchema,
} from "./risk-source.ts";

const meta = {
  id: "e-1",
  tenantId: "t-1",
  version: 1,
  createdAt: "2025-01-15T08:30:00.000Z",
  updatedAt: "2025-01-15T08:30:00.000Z",
};

const enterprise = {
  uscc: "91110108MA01ABCD1E",
  name: "北京某石油销售有限公司海淀加油站",
  industry: "hazardous-chemicals",
  district: "110108",
  street: "学院路街道",
  address: "北京市海淀区学院路 1 号",
  location: { lon: 116.35, lat: 39.99 },
  principal: { name: "张伟", phone: "13800138000" },
  safetyContact: { name: "李娜", phone: "010-62345678", email: "safety@example.com" },
};

const riskSource = {
  name: "加油作业",
  place: "加油区",
  industry: "hazardous-chemicals",
  accidentTypes: ["fire", "other-explosion"],
  hazardFactors: ["human", "material"],
  location: { lon: 116.3502, lat: 39.9901 },
  controls: { engineering: ["紧急切断阀"], management: ["严禁烟火"], emergency: [] },
  responsiblePost: "站长",
  responsiblePerson: { name: "王强", phone: "13900139000" },
  supervision: { district: "110108", street: "学院路街道", industryDepartment: "海淀区应急管理局" },
  identificationItemId: "gs-refuelling",
};

describe("enterprise schemas", () => {
  it("accepts a valid registration and stores it with metadata", () => {
    expect(EnterpriseCreateInputSchema.parse(enterprise)).toEqual(enterprise);
    expect(EnterpriseSchema.parse({ ...enterprise, ...meta })).toEqual({ ...enterprise, ...meta });
  });

  it("rejects a bad credit code, an unknown district, a point outside Beijing and unknown keys", () => {
    const bad = EnterpriseCreateInputSchema.safeParse({
      ...enterprise,
      uscc: "91110108MA01ABCD1F",
      district: "110103",
      location: { lon: 121.47, lat: 31.23 },
      extra: 1,
    });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "",
      "district",
      "location",
      "uscc",
    ]);
  });

  it("updates any field but the credit code, and at least one", () => {
    expect(EnterpriseUpdateInputSchema.parse({ street: "清河街道" })).toEqual({
      street: "清河街道",
    });
    expect(EnterpriseUpdateInputSchema.safeParse({}).success).toBe(false);
    expect(EnterpriseUpdateInputSchema.safeParse({ uscc: enterprise.uscc }).success).toBe(false);
  });
});

describe("risk source schemas", () => {
  it("accepts a registration, defaulting the description", () => {
    expect(RiskSourceCreateInputSchema.parse(riskSource)).toEqual({
      ...riskSource,
      description: "",
    });
  });

  it("rejects unknown accident types, identification items and supervision keys", () => {
    const bad = RiskSourceCreateInputSchema.safeParse({
      ...riskSource,
      accidentTypes: ["stampede"],
      identificationItemId: "nope",
      supervision: { ...riskSource.supervision, owner: "x" },
    });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "accidentTypes.0",
      "identificationItemId",
      "supervision",
    ]);
  });

  it("stores the level state and takes partial updates", () => {
    const stored = {
      ...riskSource,
      ...meta,
      description: "",
      enterpriseId: "e-1",
      accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
      currentLevel: null,
      inherentLevel: null,
      lastAssessment: null,
      nextReviewAt: null,
    };
    expect(RiskSourceSchema.parse(stored)).toEqual(stored);
    expect(RiskSourceUpdateInputSchema.safeParse({ currentLevel: "low" }).success).toBe(false);
    expect(RiskSourceUpdateInputSchema.parse({ place: "加油岛" })).toEqual({ place: "加油岛" });
  });

  it("knows whether controls are recorded", () => {
    expect(hasRecordedControls(riskSource.controls)).toBe(true);
    expect(hasRecordedControls({ engineering: [], management: [], emergency: [] })).toBe(false);
  });
});

describe("assessment schemas", () => {
  const input = {
    profileId: "lec-default",
    current: { L: 1, E: 10, C: 15 },
    inherent: { L: 3, E: 10, C: 15 },
    trigger: "initial",
  };

  it("takes the preview's body, current inputs required, and refuses unknown fields", () => {
    expect(AssessmentCreateInputSchema.parse(input)).toEqual(input);
    const { current: _current, ...withoutCurrent } = input;
    expect(AssessmentCreateInputSchema.safeParse(withoutCurrent).success).toBe(false);
    expect(
      AssessmentCreateInputSchema.safeParse({ ...input, controlsRecorded: true }).success,
    ).toBe(false);
  });

  it("needs a comment to return", () => {
    expect(AssessmentReviewInputSchema.safeParse({ decision: "return" }).success).toBe(false);
    expect(AssessmentReviewInputSchema.safeParse({ decision: "accept" }).success).toBe(true);
  });

  it("stores the grade with its profile version", () => {
    const g = grade(LEC_DEFAULT, { ...input, controlsRecorded: true });
    const stored = {
      ...meta,
      riskSourceId: "rs-1",
      profileId: g.profileId,
      profileVersion: g.profileVersion,
      inputs: {
        current: input.current,
        inherent: input.inherent,
        directRules: [],
        controlsRecorded: true,
      },
      grade: JSON.parse(JSON.stringify(g)),
      status: "accepted",
      trigger: "initial",
      assessedBy: "u-1",
      gradedAt: "2025-01-15T08:30:00.000Z",
      review: {
        decision: "accept",
        by: "u-2",
        byTenantId: "t-district-110105",
        at: "2025-01-16T08:30:00.000Z",
      },
      nextReviewAt: "2025-07-14T08:30:00.000Z",
    };
    expect(AssessmentSchema.parse(stored)).toEqual(stored);
  });
});
