import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import {
  AvailabilitySchema,
  EmergencyResourceViewSchema,
  NearestResourceSchema,
  ResourceCategorySchema,
  ResourceCreateInputSchema,
  ResourceUpdateInputSchema,
  SurveyReportSchema,
} from "../readiness/resource.ts";
import { pageOf } from "../risk/list-query.ts";
import { ENTERPRISE_ROLES, OFFICIAL_ROLES } from "./registry.ts";
import { api, type Contract, type HttpRoute, problem } from "./route.ts";

/** Readers: the enterprise's people and systems (its own), officials (their jurisdiction's). */
const READERS = [...ENTERPRISE_ROLES, ...OFFICIAL_ROLES, "integrator"] as const;
/**
 * Keepers: an enterprise keeps its own (people and its systems); street and district
 * officials and the city admin keep the city's (shelters, medical, transport) in their area.
 */
const KEEPERS = [
  ...ENTERPRISE_ROLES,
  "integrator",
  "streetOfficial",
  "districtOfficial",
  "cityAdmin",
] as const;

const tags = ["emergency-resources"] as const;
const Id = z.string().min(1).max(200);
const IdParams = z.strictObject({ id: Id });
const TenantParams = z.strictObject({ tenantId: Id });

export const ResourceListQuerySchema = z.strictObject({
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  category: ResourceCategorySchema.optional(),
  owner: z.enum(["enterprise", "city"]).optional(),
  district: DistrictCodeSchema.optional(),
  availability: AvailabilitySchema.optional(),
});
export type ResourceListQuery = z.infer<typeof ResourceListQuerySchema>;

const listResources = {
  method: "GET",
  path: api("/emergency-resources"),
  access: { roles: READERS },
  summary: "Emergency resources within reach (应急资源): the enterprise's own, or a jurisdiction's",
  tags,
  request: { query: ResourceListQuerySchema },
  responses: { 200: { description: "A page", schema: pageOf(EmergencyResourceViewSchema) } },
} as const satisfies HttpRoute;

const createResource = {
  method: "POST",
  path: api("/emergency-resources"),
  access: { roles: KEEPERS },
  summary:
    "Record an emergency resource: an enterprise's (DB11/T 1580 categories) or the city's (officials)",
  tags,
  request: { body: ResourceCreateInputSchema, headers: ["Idempotency-Key"] },
  responses: {
    201: { description: "The resource", schema: EmergencyResourceViewSchema },
    400: problem("Invalid resource (category not the caller's kind, place outside jurisdiction)"),
  },
} as const satisfies HttpRoute;

const getResource = {
  method: "GET",
  path: api("/emergency-resources/{id}"),
  access: { roles: READERS },
  summary: "One emergency resource",
  tags,
  request: { params: IdParams },
  responses: {
    200: { description: "The resource", schema: EmergencyResourceViewSchema },
    404: problem("No such resource within reach"),
  },
} as const satisfies HttpRoute;

const updateResource = {
  method: "PATCH",
  path: api("/emergency-resources/{id}"),
  access: { roles: KEEPERS },
  summary: "Change a resource (quantity, availability, contact, location)",
  tags,
  request: { params: IdParams, body: ResourceUpdateInputSchema, headers: ["If-Match"] },
  responses: {
    200: { description: "The resource", schema: EmergencyResourceViewSchema },
    404: problem("No such resource kept by the caller"),
    412: problem("Changed since read"),
  },
} as const satisfies HttpRoute;

const deleteResource = {
  method: "DELETE",
  path: api("/emergency-resources/{id}"),
  access: { roles: KEEPERS },
  summary: "Remove a resource",
  tags,
  request: { params: IdParams, headers: ["If-Match"] },
  responses: {
    204: { description: "Removed" },
    404: problem("No such resource kept by the caller"),
    412: problem("Changed since read"),
  },
} as const satisfies HttpRoute;

const resourceSurvey = {
  method: "GET",
  path: api("/enterprises/{tenantId}/resource-survey"),
  access: { roles: READERS },
  summary:
    "An enterprise's emergency-resource survey (应急资源调查, DB11/T 1580): counts by category",
  tags,
  request: { params: TenantParams },
  responses: {
    200: { description: "The survey", schema: SurveyReportSchema },
    404: problem("No such enterprise within reach"),
  },
} as const satisfies HttpRoute;

const resourceSurveyCsv = {
  method: "GET",
  path: api("/enterprises/{tenantId}/resource-survey.csv"),
  access: { roles: READERS },
  summary: "The survey as CSV (UTF-8 with BOM, opens in Excel): one row per resource",
  tags,
  request: { params: TenantParams },
  responses: {
    200: { description: "CSV", contentType: "text/csv" },
    404: problem("No such enterprise within reach"),
  },
} as const satisfies HttpRoute;

const nearestResources = {
  method: "GET",
  path: api("/risk-sources/{id}/nearest-resources"),
  access: { roles: READERS },
  summary:
    "The emergency resources nearest a risk source by distance: its enterprise's and the city's",
  tags,
  request: {
    params: IdParams,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(50).default(10),
      category: ResourceCategorySchema.optional(),
    }),
  },
  responses: {
    200: {
      description: "Nearest first, with the distance in km",
      schema: z.object({ items: z.array(NearestResourceSchema), nextCursor: z.null() }),
    },
    404: problem("No such source within reach"),
  },
} as const satisfies HttpRoute;

/** Emergency resources (应急资源调查, domain.md §8): records, the survey, nearest to a source. */
export const emergencyResourcesContract = {
  listResources,
  createResource,
  getResource,
  updateResource,
  deleteResource,
  resourceSurvey,
  resourceSurveyCsv,
  nearestResources,
} as const satisfies Contract;
