import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import {
  ContactSchema,
  ContactViewSchema,
  LocationSchema,
  StoredMetaSchema,
  Text,
} from "../risk/common.ts";

/**
 * Emergency resource categories (应急资源): an enterprise's per DB11/T 1580-2018 应急资源调查
 * (teams 专职/兼职/协议, experts, equipment, supplies, other), and the city's own that agencies
 * keep (shelters 应急避难场所, medical, transport), domain.md §8.
 */
export const ENTERPRISE_CATEGORIES = [
  "teamFullTime",
  "teamPartTime",
  "teamAgreement",
  "expert",
  "equipment",
  "supplies",
  "other",
] as const;
export const CITY_CATEGORIES = ["shelter", "medical", "transport"] as const;
export const RESOURCE_CATEGORIES = [...ENTERPRISE_CATEGORIES, ...CITY_CATEGORIES] as const;
export const ResourceCategorySchema = z.enum(RESOURCE_CATEGORIES);
export type ResourceCategory = z.infer<typeof ResourceCategorySchema>;

export const CATEGORY_LABELS: Readonly<Record<ResourceCategory, { zh: string; en: string }>> = {
  teamFullTime: { zh: "专职救援队伍", en: "Full-time team" },
  teamPartTime: { zh: "兼职救援队伍", en: "Part-time team" },
  teamAgreement: { zh: "协议救援队伍", en: "Team by agreement" },
  expert: { zh: "应急专家", en: "Expert" },
  equipment: { zh: "应急装备", en: "Equipment" },
  supplies: { zh: "应急物资", en: "Supplies" },
  other: { zh: "其他", en: "Other" },
  shelter: { zh: "应急避难场所", en: "Shelter" },
  medical: { zh: "医疗救护", en: "Medical" },
  transport: { zh: "运输保障", en: "Transport" },
};

/** Whether a category belongs to the city (kept by agencies) rather than to an enterprise. */
export function isCityCategory(category: ResourceCategory): boolean {
  return (CITY_CATEGORIES as readonly string[]).includes(category);
}

export const AvailabilitySchema = z.enum(["available", "limited", "unavailable"]);
export type Availability = z.infer<typeof AvailabilitySchema>;

const fields = {
  category: ResourceCategorySchema,
  name: Text(100),
  /** What it is within its category, e.g. 正压式空气呼吸器, 干粉灭火器. */
  kind: z.string().trim().max(100).default(""),
  quantity: z.number().int().min(0).max(1_000_000),
  /** Unit of the quantity: 人, 台, 套, 个, 吨, 张床位 …. */
  unit: Text(20),
  location: LocationSchema,
  /** The address as people say it. */
  address: z.string().trim().max(200).default(""),
  contact: ContactSchema,
  availability: AvailabilitySchema,
  notes: z.string().trim().max(1000).default(""),
};

/**
 * City resources also name their district and street (an agency keeps them there); an
 * enterprise's resources take the enterprise's place.
 */
export const ResourceCreateInputSchema = z.strictObject({
  ...fields,
  district: DistrictCodeSchema.optional(),
  street: z.string().trim().min(1).max(50).optional(),
});
export type ResourceCreateInput = z.infer<typeof ResourceCreateInputSchema>;

export const ResourceUpdateInputSchema = z
  .strictObject({
    name: fields.name,
    kind: z.string().trim().max(100),
    quantity: fields.quantity,
    unit: fields.unit,
    location: fields.location,
    address: z.string().trim().max(200),
    contact: fields.contact,
    availability: fields.availability,
    notes: z.string().trim().max(1000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type ResourceUpdateInput = z.infer<typeof ResourceUpdateInputSchema>;

export const EmergencyResourceSchema = z
  .object({ ...fields, kind: z.string(), address: z.string(), notes: z.string() })
  .extend(StoredMetaSchema.shape)
  .extend({
    owner: z.enum(["enterprise", "city"]),
    ownerName: z.string(),
    /** Where it sits for the three responsibilities; the city's resources have no industry. */
    place: z.object({
      district: DistrictCodeSchema,
      street: z.string(),
      industry: IndustryIdSchema.nullable(),
    }),
  });
export type EmergencyResource = z.infer<typeof EmergencyResourceSchema>;

/** A resource as a viewer receives it: its contact's phone possibly masked. */
export const EmergencyResourceViewSchema = EmergencyResourceSchema.extend({
  contact: ContactViewSchema,
});

/** One of the nearest resources to a source, with its distance. */
export const NearestResourceSchema = EmergencyResourceViewSchema.extend({
  distanceKm: z.number().nonnegative(),
});

/** The enterprise survey report (应急资源调查报告): counts and quantities by category. */
export const SurveyReportSchema = z.object({
  tenantId: z.string(),
  enterpriseName: z.string(),
  generatedAt: z.iso.datetime(),
  rows: z.array(
    z.object({
      category: ResourceCategorySchema,
      resources: z.number().int().nonnegative(),
      available: z.number().int().nonnegative(),
      quantity: z.number().int().nonnegative(),
    }),
  ),
});
export type SurveyReport = z.infer<typeof SurveyReportSchema>;

/** Counts an enterprise's resources by category, every enterprise category listed (DB11/T 1580). */
export function surveyRows(resources: readonly EmergencyResource[]): SurveyReport["rows"] {
  return RESOURCE_CATEGORIES.filter(
    (c) => !isCityCategory(c) || resources.some((r) => r.category === c),
  ).map((category) => {
    const of = resources.filter((r) => r.category === category);
    return {
      category,
      resources: of.length,
      available: of.filter((r) => r.availability === "available").length,
      quantity: of.reduce((n, r) => n + r.quantity, 0),
    };
  });
}
