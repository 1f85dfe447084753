import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { type DistrictCode, getDistrict } from "../../../shared/catalogs/districts.ts";
import { getIdentificationItem } from "../../../shared/catalogs/identification-lists/index.ts";
import type { IndustryId } from "../../../shared/catalogs/industries.ts";
import { LEC_DEFAULT } from "../../../shared/methodology/profiles/lec-default.ts";
import type { AssessmentCreateInput } from "../../../shared/risk/assessment.ts";
import type { Enterprise } from "../../../shared/risk/enterprise.ts";
import type { Caller } from "../../../shared/tenancy/claims.ts";
import { demoUsers } from "../identity/demo-users.ts";
import { nearby } from "./demo-places.ts";
import { approvedEnterprise, type EnterpriseItems } from "./enterprise-records.ts";
import { type AssessmentItem, gradedSource, type RiskSourceItem } from "./graded-source.ts";
import { industryDepartment } from "./industry-departments.ts";
import type { Prng } from "./prng.ts";

const DAY_MS = 86_400_000;

interface DemoSource {
  itemId: string;
  current: { L: number; E: number; C: number };
  /** Without the recorded controls: the likelihood one or two steps higher. */
  inherentL: number;
  accepted: boolean;
}

interface DemoEnterprise {
  tenantId: string;
  adminEmail: string;
  reviewerEmail: string;
  fallback: { uscc: string; district: DistrictCode; street: string; industry: IndustryId };
  responsiblePost: string;
  sources: readonly DemoSource[];
}

/**
 * The demo users' enterprises (infra/local/identity/demo-users.ts). The gas station's first four
 * sources are the worked example of domain.md §3 (fire/explosion 3×10×15 → 450 major, vehicle
 * injury 6×6×3 → 108 general, electrical 1×6×15 → 90 general, canopy collapse 1×0.5×40 → 20
 * low); its tank unloading is assessed with daily exposure (1×6×40 → 240 significant).
 */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    tenantId: "t-gas-station-chaoyang",
    adminEmail: "admin@gas-station.demo",
    reviewerEmail: "official@chaoyang.demo",
    fallback: {
      uscc: "91110105MA01ABCD39",
      district: "110105",
      street: "建外街道",
      industry: "gas",
    },
    responsiblePost: "站长",
    sources: [
      { itemId: "gs-refuelling", current: { L: 3, E: 10, C: 15 }, inherentL: 6, accepted: true },
      {
        itemId: "gs-forecourt-traffic",
        current: { L: 6, E: 6, C: 3 },
        inherentL: 10,
        accepted: true,
      },
      { itemId: "gs-electrical", current: { L: 1, E: 6, C: 15 }, inherentL: 3, accepted: false },
      { itemId: "gs-canopy", current: { L: 1, E: 0.5, C: 40 }, inherentL: 3, accepted: true },
      {
        itemId: "gs-tank-unloading",
        current: { L: 1, E: 6, C: 40 },
        inherentL: 3,
        accepted: false,
      },
    ],
  },
  {
    tenantId: "t-mall-haidian",
    adminEmail: "admin@mall.demo",
    reviewerEmail: "official@haidian.demo",
    fallback: {
      uscc: "91110108MA01EFGH28",
      district: "110108",
      street: "中关村街道",
      industry: "commerce",
    },
    responsiblePost: "安全保卫部经理",
    sources: [
      {
        itemId: "cr-combustible-goods",
        current: { L: 0.5, E: 10, C: 40 },
        inherentL: 3,
        accepted: true,
      },
      {
        itemId: "cr-electrical-wiring",
        current: { L: 1, E: 10, C: 15 },
        inherentL: 3,
        accepted: true,
      },
      { itemId: "cr-crowd-events", current: { L: 1, E: 3, C: 40 }, inherentL: 3, accepted: false },
      {
        itemId: "cr-atrium-guardrail",
        current: { L: 1, E: 10, C: 15 },
        inherentL: 3,
        accepted: true,
      },
      { itemId: "cr-escalator", current: { L: 0.5, E: 10, C: 7 }, inherentL: 1, accepted: false },
      {
        itemId: "cr-restaurant-kitchen",
        current: { L: 1, E: 6, C: 15 },
        inherentL: 3,
        accepted: true,
      },
    ],
  },
];

function callerOf(email: string): Caller {
  const user = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  const [district = ""] = /d:(\d{6})/.exec(user.jurisdiction)?.slice(1) ?? [];
  const industries = [...user.jurisdiction.matchAll(/i:([a-z-]+)/g)].map((m) => m[1] ?? "");
  return {
    userId: user.userId,
    ...(user.email ? { email: user.email } : {}),
    tenantId: user.tenantId,
    role: user.role,
    jurisdiction: { citywide: false, districts: district ? [{ district }] : [], industries },
  };
}

/** The profile the demo-tenant seed wrote, or a stand-in (and its tenant) when it has not. */
async function profileOf(
  store: Store,
  demo: DemoEnterprise,
  base: Date,
): Promise<{ profile: Enterprise; stand: EnterpriseItems | undefined }> {
  const { data } = await store.entities.enterprise.get({ tenantId: demo.tenantId }).go();
  if (data) return { profile: data.record, stand: undefined };
  const user = demoUsers.find((u) => u.tenantId === demo.tenantId);
  const at = new Date(base.getTime() - 400 * DAY_MS).toISOString();
  const { district, street, industry, uscc } = demo.fallback;
  const profile: Enterprise = {
    id: demo.tenantId,
    tenantId: demo.tenantId,
    uscc,
    name: user?.tenantName.zh ?? demo.tenantId,
    industry,
    district,
    street,
    address:
      district === "110105" ? "北京市朝阳区建国门外大街甲 8 号" : "北京市海淀区中关村大街 15 号",
    location: getDistrict(district)?.centre ?? { lon: 116.4, lat: 39.9 },
    principal: { name: district === "110105" ? "赵国强" : "孙丽华", phone: "13801010001" },
    safetyContact: { name: district === "110105" ? "钱志明" : "周海燕", phone: "010-65001234" },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { profile, stand: approvedEnterprise(profile, at) };
}

/**
 * The gas station's and the mall's risk sources, from their identification lists, graded under
 * `lec-default` and partly accepted by their district's official.
 */
export async function buildDemoEnterpriseSources(
  store: Store,
  prng: Prng,
  base: Date,
): Promise<{
  standIns: EnterpriseItems[];
  sources: { sourceItem: RiskSourceItem; assessmentItem: AssessmentItem }[];
}> {
  const standIns: EnterpriseItems[] = [];
  const sources: { sourceItem: RiskSourceItem; assessmentItem: AssessmentItem }[] = [];
  for (const demo of DEMO_ENTERPRISES) {
    const { profile, stand } = await profileOf(store, demo, base);
    if (stand) standIns.push(stand);
    const assessor = callerOf(demo.adminEmail);
    const reviewer = callerOf(demo.reviewerEmail);
    demo.sources.forEach((planned, i) => {
      const item = getIdentificationItem(planned.itemId)?.item;
      if (!item) throw new Error(`no identification item ${planned.itemId}`);
      const assessment: AssessmentCreateInput = {
        profileId: LEC_DEFAULT.id,
        profileVersion: LEC_DEFAULT.version,
        current: planned.current,
        inherent: { ...planned.current, L: planned.inherentL },
        trigger: "initial",
      };
      sources.push(
        gradedSource(prng, {
          tenantId: profile.tenantId,
          enterpriseName: profile.name,
          input: {
            name: item.riskSource,
            place: item.place,
            description: item.consequences.text,
            industry: profile.industry,
            accidentTypes: [...item.accidentTypes],
            hazardFactors: [...item.hazardFactors],
            location: nearby(prng, profile.location, profile.district),
            controls: item.controls,
            responsiblePost: demo.responsiblePost,
            responsiblePerson: profile.safetyContact.phone.startsWith("1")
              ? { name: profile.safetyContact.name, phone: profile.safetyContact.phone }
              : { name: profile.principal.name, phone: profile.principal.phone },
            supervision: {
              district: profile.district,
              street: profile.street,
              industryDepartment: industryDepartment(profile.district, profile.industry),
            },
            identificationItemId: item.id,
          },
          assessment,
          assessor,
          reviewer: planned.accepted ? reviewer : null,
          createdAt: new Date(base.getTime() - (20 - i) * DAY_MS),
        }),
      );
    });
  }
  return { standIns, sources };
}
