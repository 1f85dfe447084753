/**
 * Geohash (G. Niemeyer's public-domain base-32 interleaving of longitude and latitude bits):
 * a cell id whose prefixes are the enclosing cells, so "the cells near a point" become a few
 * key-prefix queries. WGS-84 degrees in, as stored (domain.md §9).
 */
const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

export interface Cell {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The geohash of a point at `precision` characters. */
export function geohashOf(point: { lon: number; lat: number }, precision: number): string {
  let [west, east, south, north] = [-180, 180, -90, 90];
  let hash = "";
  let bits = 0;
  let value = 0;
  let lonBit = true;
  while (hash.length < precision) {
    if (lonBit) {
      const mid = (west + east) / 2;
      value = value * 2 + (point.lon >= mid ? 1 : 0);
      if (point.lon >= mid) west = mid;
      else east = mid;
    } else {
      const mid = (south + north) / 2;
      value = value * 2 + (point.lat >= mid ? 1 : 0);
      if (point.lat >= mid) south = mid;
      else north = mid;
    }
    lonBit = !lonBit;
    bits += 1;
    if (bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}

/** The bounds of a geohash cell. */
export function cellOf(hash: string): Cell {
  let [west, east, south, north] = [-180, 180, -90, 90];
  let lonBit = true;
  for (const ch of hash) {
    const value = BASE32.indexOf(ch);
    if (value < 0) throw new Error(`not a geohash: ${hash}`);
    for (let bit = 4; bit >= 0; bit--) {
      const on = ((value >> bit) & 1) === 1;
      if (lonBit) {
        const mid = (west + east) / 2;
        if (on) west = mid;
        else east = mid;
      } else {
        const mid = (south + north) / 2;
        if (on) south = mid;
        else north = mid;
      }
      lonBit = !lonBit;
    }
  }
  return { west, south, east, north };
}

/**
 * The cell and its eight neighbours at the same precision (a 3×3 block), found by stepping
 * from the cell's centre by one cell width/height: exact, no lookup tables.
 */
export function blockAround(hash: string): string[] {
  const cell = cellOf(hash);
  const width = cell.east - cell.west;
  const height = cell.north - cell.south;
  const lon = (cell.west + cell.east) / 2;
  const lat = (cell.south + cell.north) / 2;
  const block = new Set<string>();
  for (const dy of [-1, 0, 1]) {
    for (const dx of [-1, 0, 1]) {
      const y = lat + dy * height;
      if (y < -90 || y > 90) continue;
      const x = ((((lon + dx * width + 180) % 360) + 360) % 360) - 180;
      block.add(geohashOf({ lon: x, lat: y }, hash.length));
    }
  }
  return [...block];
}

/** Every cell at `precision` that overlaps a bounding box, west to east, south to north. */
export function cellsCovering(box: Cell, precision: number): string[] {
  const probe = cellOf(geohashOf({ lon: box.west, lat: box.south }, precision));
  const width = probe.east - probe.west;
  const height = probe.north - probe.south;
  const cells = new Set<string>();
  for (let lat = probe.south + height / 2; lat - height / 2 <= box.north; lat += height) {
    for (let lon = probe.west + width / 2; lon - width / 2 <= box.east; lon += width) {
      cells.add(geohashOf({ lon, lat }, precision));
    }
  }
  return [...cells];
}
