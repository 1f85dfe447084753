import * as z from "zod";
import { BilingualSchema } from "../methodology/profiles/profile-schema.ts";

/** A WGS-84 bounding box in degrees. */
export const BoundingBoxSchema = z.object({
  west: z.number(),
  south: z.number(),
  east: z.number(),
  north: z.number(),
});
export type BoundingBox = z.infer<typeof BoundingBoxSchema>;

/** Rough WGS-84 bounds of Beijing municipality, slightly padded (about 115.42–117.51 E, 39.44–41.06 N). */
export const BEIJING_BOUNDS: BoundingBox = { west: 115.4, south: 39.4, east: 117.55, north: 41.1 };

export const DISTRICT_CODES = [
  "110101",
  "110102",
  "110105",
  "110106",
  "110107",
  "110108",
  "110109",
  "110111",
  "110112",
  "110113",
  "110114",
  "110115",
  "110116",
  "110117",
  "110118",
  "110119",
] as const;

export const DistrictCodeSchema = z.enum(DISTRICT_CODES);
export type DistrictCode = z.infer<typeof DistrictCodeSchema>;

export const DistrictSchema = z.object({
  code: DistrictCodeSchema,
  name: BilingualSchema,
  /** Approximate district seat (WGS-84), a point inside the district. */
  centre: z.object({ lon: z.number(), lat: z.number() }),
  /** Rough bounding box; neighbouring boxes overlap. */
  bbox: BoundingBoxSchema,
});
export type District = z.infer<typeof DistrictSchema>;

type Row = [DistrictCode, string, string, number, number, number, number, number, number];

// code, zh, en, centre lon/lat, west, south, east, north
const ROWS: readonly Row[] = [
  ["110101", "东城区", "Dongcheng", 116.416, 39.929, 116.38, 39.85, 116.45, 39.97],
  ["110102", "西城区", "Xicheng", 116.366, 39.912, 116.32, 39.86, 116.4, 39.97],
  ["110105", "朝阳区", "Chaoyang", 116.486, 39.948, 116.35, 39.81, 116.64, 40.1],
  ["110106", "丰台区", "Fengtai", 116.287, 39.858, 116.07, 39.77, 116.44, 39.9],
  ["110107", "石景山区", "Shijingshan", 116.223, 39.906, 116.11, 39.87, 116.26, 39.99],
  ["110108", "海淀区", "Haidian", 116.298, 39.959, 116.04, 39.89, 116.39, 40.16],
  ["110109", "门头沟区", "Mentougou", 116.102, 39.941, 115.42, 39.8, 116.2, 40.16],
  ["110111", "房山区", "Fangshan", 116.143, 39.749, 115.42, 39.5, 116.21, 39.91],
  ["110112", "通州区", "Tongzhou", 116.657, 39.91, 116.53, 39.6, 116.93, 40.03],
  ["110113", "顺义区", "Shunyi", 116.654, 40.13, 116.45, 40.0, 116.98, 40.3],
  ["110114", "昌平区", "Changping", 116.231, 40.221, 115.95, 40.03, 116.49, 40.4],
  ["110115", "大兴区", "Daxing", 116.341, 39.727, 116.21, 39.44, 116.66, 39.82],
  ["110116", "怀柔区", "Huairou", 116.632, 40.316, 116.28, 40.19, 116.9, 41.06],
  ["110117", "平谷区", "Pinggu", 117.121, 40.141, 116.91, 40.03, 117.5, 40.37],
  ["110118", "密云区", "Miyun", 116.843, 40.377, 116.66, 40.22, 117.51, 40.83],
  ["110119", "延庆区", "Yanqing", 115.975, 40.457, 115.73, 40.26, 116.55, 40.74],
];

/**
 * Beijing's 16 districts by GB/T 2260 code. The centres (district seats) and bounding boxes are
 * reasonable approximations for placing demo data and framing maps, not survey data.
 */
export const DISTRICTS: readonly District[] = ROWS.map(
  ([code, zh, en, lon, lat, west, south, east, north]) => ({
    code,
    name: { zh, en: `${en} District` },
    centre: { lon, lat },
    bbox: { west, south, east, north },
  }),
);

const BY_CODE = new Map(DISTRICTS.map((d) => [d.code, d]));

/** The district with this GB/T 2260 code, or `undefined`. */
export function getDistrict(code: string): District | undefined {
  return BY_CODE.get(code as DistrictCode);
}

/** Whether a WGS-84 point lies inside a box (edges included). */
export function inBoundingBox(box: BoundingBox, point: { lon: number; lat: number }): boolean {
  return (
    point.lon >= box.west &&
    point.lon <= box.east &&
    point.lat >= box.south &&
    point.lat <= box.north
  );
}
