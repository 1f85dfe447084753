/**
 * Makes `frontend/src/map/beijing-districts.json` from the Beijing map that echarts@4.9.0 ships
 * (`map/json/province/beijing.json`, Apache-2.0): decodes ECharts' compressed coordinates
 * (zig-zag deltas in UTF-8 characters, scale 1024) and shifts them from GCJ-02 — the shapes
 * trace back to AMap — to WGS-84, the datum every stored location uses. Run once:
 *
 *   cd /tmp && npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz package/map/json/province/beijing.json
 *   npx tsx scripts/decode-echarts-map.ts /tmp/package/map/json/province/beijing.json
 *
 * The result is committed: the product works offline and never fetches map data. These are
 * demo boundaries, not an approved map (审图号); see README "Risk e-map".
 */
import { readFileSync, writeFileSync } from "node:fs";

type Ring = [number, number][];
interface EncodedFeature {
  id: string;
  geometry:
    | { type: "Polygon"; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: "MultiPolygon"; coordinates: string[][]; encodeOffsets: [number, number][][] };
  properties: { name: string; cp: [number, number] };
}

const SCALE = 1024;

/** ECharts' `decodePolygon`: each point a pair of zig-zag encoded deltas from the previous one. */
function decodeRing(encoded: string, [x0, y0]: [number, number]): Ring {
  const ring: Ring = [];
  let prevX = x0;
  let prevY = y0;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    prevX += x;
    prevY += y;
    ring.push(gcj02ToWgs84(prevX / SCALE, prevY / SCALE));
  }
  return ring;
}

// GCJ-02 → WGS-84 by the published approximation (one inverse step; error well under 5 m).
const A = 6378245.0;
const EE = 0.006693421622965943;
function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function transformLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (transformLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon =
    (transformLon(lon - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return [round(lon - dLon), round(lat - dLat)];
}

const [source] = process.argv.slice(2);
if (!source) throw new Error("usage: tsx scripts/decode-echarts-map.ts <beijing.json>");
const encoded = JSON.parse(readFileSync(source, "utf8")) as { features: EncodedFeature[] };
const features = encoded.features.map((feature) => {
  const { geometry } = feature;
  const coordinates =
    geometry.type === "Polygon"
      ? geometry.coordinates.map((ring, i) => decodeRing(ring, geometry.encodeOffsets[i] ?? [0, 0]))
      : geometry.coordinates.map((polygon, i) =>
          polygon.map((ring, j) => decodeRing(ring, geometry.encodeOffsets[i]?.[j] ?? [0, 0])),
        );
  return {
    type: "Feature",
    // The district's GB/T 2260 code: the key every count and filter uses.
    id: feature.id,
    properties: { code: feature.id, name: feature.properties.name },
    geometry: { type: geometry.type, coordinates },
  };
});
const out = "frontend/src/map/beijing-districts.json";
writeFileSync(out, `${JSON.stringify({ type: "FeatureCollection", features })}\n`);
console.log(`${out}: ${features.length} districts`);
