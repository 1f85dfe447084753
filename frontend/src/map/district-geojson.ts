import * as z from "zod";
import { DistrictCodeSchema } from "../../../shared/catalogs/districts.ts";
import shipped from "./beijing-districts.json";

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position);

const DistrictFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: DistrictCodeSchema,
  properties: z.object({ code: DistrictCodeSchema, name: z.string() }),
  geometry: z.discriminatedUnion("type", [
    z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring) }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring)) }),
  ]),
});

const DistrictCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(DistrictFeatureSchema).length(16),
});

/**
 * Beijing's 16 districts (WGS-84) made by scripts/decode-echarts-map.ts, checked on load: a JSON
 * module is typed loosely, and the map must fail loudly rather than draw a wrong city.
 */
export const beijingDistricts = DistrictCollectionSchema.parse(shipped);
