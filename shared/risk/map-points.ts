import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { LevelSchema } from "../methodology/levels.ts";
import { LevelFilterSchema } from "./list-query.ts";

/**
 * At most this many points are drawn at once: one district's sources, never the whole city's
 * (the city view is the choropleth). A district above it answers the most severe first and says
 * it was cut.
 */
export const MAP_POINT_LIMIT = 2000;

/** The risk e-map's question: one district's sources, narrowed by level and industry. */
export const MapPointsQuerySchema = z.strictObject({
  district: DistrictCodeSchema,
  level: LevelFilterSchema.optional(),
  industry: IndustryIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAP_POINT_LIMIT).default(MAP_POINT_LIMIT),
});
export type MapPointsQuery = z.infer<typeof MapPointsQuerySchema>;

/** What a point on the map needs, and nothing more: no contacts, no controls. */
export const MapPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `null` while ungraded. */
  level: LevelSchema.nullable(),
  lon: z.number(),
  lat: z.number(),
});
export type MapPoint = z.infer<typeof MapPointSchema>;

export const MapPointsSchema = z.object({
  items: z.array(MapPointSchema),
  /** More sources match than `limit`: the most severe were kept. */
  truncated: z.boolean(),
});
export type MapPoints = z.infer<typeof MapPointsSchema>;
