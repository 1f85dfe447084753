import { ulid } from "ulidx";
import { type DistrictCode, getDistrict } from "../../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../../shared/catalogs/industries.ts";
import type { Enterprise } from "../../../shared/risk/enterprise.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import { demoAssessmentInput } from "./assessment-inputs.ts";
import {
  DEMO_STREETS,
  DISTRICT_WEIGHTS,
  demoUscc,
  firmName,
  landline,
  mobile,
  nearby,
  personName,
  pointInDistrict,
} from "./demo-places.ts";
import { approvedEnterprise, type EnterpriseItems } from "./enterprise-records.ts";
import { type AssessmentItem, gradedSource, type RiskSourceItem } from "./graded-source.ts";
import { industryDepartment } from "./industry-departments.ts";
import type { Prng } from "./prng.ts";
import { type SourceTemplate, templatesFor, tradeWords } from "./source-templates.ts";

const DAY_MS = 86_400_000;

/** How the demo units spread over the industries of the catalog (product default mix). */
const INDUSTRY_WEIGHTS: readonly (readonly [IndustryId, number])[] = [
  ["commerce", 20],
  ["industrial", 14],
  ["construction", 10],
  ["hazardous-chemicals", 6],
  ["gas", 5],
  ["road-transport", 6],
  ["education", 6],
  ["health", 5],
  ["parks", 4],
  ["tourism", 4],
  ["culture", 3],
  ["sports", 3],
  ["municipal", 3],
  ["underground-space", 3],
  ["confined-space", 2],
  ["public-transport", 2],
  ["water-supply", 1.5],
  ["power-supply", 1.5],
  ["heating", 1.5],
];

const ROADS = ["路", "大街", "北路", "南路", "东路", "西路", "中路"];
const POSTS = [
  "安全部经理",
  "生产部经理",
  "车间主任",
  "设备部主管",
  "运营部经理",
  "后勤保障部主任",
];

/** The district official who accepts the demo assessments of a district. */
function districtReviewer(district: DistrictCode): Caller {
  return {
    userId:
      district === "110105"
        ? "u-chaoyang-official"
        : district === "110108"
          ? "u-haidian-official"
          : `u-district-${district}-official`,
    tenantId: `t-district-${district}`,
    role: "districtOfficial",
    jurisdiction: { citywide: false, districts: [{ district }], industries: [] },
  };
}

/** Demo assessments of the bulk enterprises are recorded as made by the enterprise's admin. */
function enterpriseAssessor(
  tenantId: string,
  district: DistrictCode,
  industry: IndustryId,
): Caller {
  return {
    userId: `u-${tenantId.slice(2)}-admin`,
    tenantId,
    role: "enterpriseAdmin",
    jurisdiction: { citywide: false, districts: [{ district }], industries: [industry] },
  };
}

export interface BulkRegistry {
  enterprises: EnterpriseItems[];
  sources: { sourceItem: RiskSourceItem; assessmentItem: AssessmentItem }[];
}

function enterpriseProfile(prng: Prng, index: number, base: Date): Enterprise {
  const district = prng.weighted(DISTRICT_WEIGHTS);
  const industry = prng.weighted(INDUSTRY_WEIGHTS);
  const street = prng.pick(DEMO_STREETS[district]);
  const createdAt = new Date(base.getTime() - prng.int(320, 720) * DAY_MS - prng.int(0, DAY_MS));
  const tenantId = `t-${ulid(createdAt.getTime(), () => prng.next()).toLowerCase()}`;
  const districtName = getDistrict(district)?.name.zh ?? "";
  const at = createdAt.toISOString();
  return {
    id: tenantId,
    tenantId,
    uscc: demoUscc(prng, district, index),
    name: firmName(prng, prng.pick(tradeWords(industry)), index),
    industry,
    district,
    street,
    address: `北京市${districtName}${street}${prng.pick(["兴华", "安平", "建设", "光华", "和平", "永安", "振兴", "富强"])}${prng.pick(ROADS)}${prng.int(1, 299)}号`,
    location: pointInDistrict(prng, district),
    principal: { name: personName(prng), phone: mobile(prng) },
    safetyContact: {
      name: personName(prng),
      phone: prng.chance(0.3) ? landline(prng) : mobile(prng),
    },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** Draws `count` templates, each at most once until the industry's templates run out. */
function drawTemplates(prng: Prng, templates: readonly SourceTemplate[], count: number) {
  const pool = [...templates];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [pool[i], pool[j]] = [pool[j] as SourceTemplate, pool[i] as SourceTemplate];
  }
  return Array.from({ length: count }, (_, i) => ({
    template: pool[i % pool.length] as SourceTemplate,
    round: Math.floor(i / pool.length),
  }));
}

/**
 * About `enterprises` approved enterprise tenants with five risk sources each on average (3–7,
 * paired so the total is exactly five per enterprise), spread over the 16 districts and the
 * industries, each source graded by a seeded assessment, about two thirds accepted.
 */
export function buildBulkRegistry(prng: Prng, enterprises: number, base: Date): BulkRegistry {
  const result: BulkRegistry = { enterprises: [], sources: [] };
  let pairedCount = 5;
  for (let index = 0; index < enterprises; index++) {
    const profile = enterpriseProfile(prng, index, base);
    const approvedAt = new Date(Date.parse(profile.createdAt) + prng.int(2, 96) * 3_600_000);
    result.enterprises.push(approvedEnterprise(profile, approvedAt.toISOString()));
    const count = index % 2 === 0 ? prng.int(3, 7) : 10 - pairedCount;
    pairedCount = count;
    const assessor = enterpriseAssessor(profile.tenantId, profile.district, profile.industry);
    const reviewer = districtReviewer(profile.district);
    for (const { template, round } of drawTemplates(prng, templatesFor(profile.industry), count)) {
      const createdAt = new Date(base.getTime() - prng.int(12, 300) * DAY_MS - prng.int(0, DAY_MS));
      result.sources.push(
        gradedSource(prng, {
          tenantId: profile.tenantId,
          enterpriseName: profile.name,
          input: {
            name: round === 0 ? template.name : `${template.name}（${round + 1}号）`,
            place: template.place,
            description: template.description,
            industry: profile.industry,
            accidentTypes: [...template.accidentTypes],
            hazardFactors: [...template.hazardFactors],
            location: nearby(prng, profile.location, profile.district),
            controls: template.controls,
            responsiblePost: prng.pick(POSTS),
            responsiblePerson: { name: personName(prng), phone: mobile(prng) },
            supervision: {
              district: profile.district,
              street: profile.street,
              industryDepartment: industryDepartment(profile.district, profile.industry),
            },
            ...(template.identificationItemId
              ? { identificationItemId: template.identificationItemId }
              : {}),
          },
          assessment: demoAssessmentInput(prng, template),
          assessor,
          reviewer: prng.chance(0.65) ? reviewer : null,
          createdAt,
        }),
      );
    }
  }
  return result;
}
