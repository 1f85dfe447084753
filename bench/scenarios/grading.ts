import type { Grade, GradingInput } from "../../shared/methodology/grade-schema.ts";
import { grade } from "../../shared/methodology/grading.ts";
import { levelRank } from "../../shared/methodology/levels.ts";
import { LEC_DEFAULT } from "../../shared/methodology/profiles/lec-default.ts";
import { LS_DEFAULT } from "../../shared/methodology/profiles/ls-default.ts";
import type { MethodProfile } from "../../shared/methodology/profiles/profile-schema.ts";
import { getProfile } from "../../shared/methodology/profiles/registry.ts";
import type { BenchResult } from "../run.ts";

const N = 1_000_000;
const DIRECT_MAJOR_SHARE = 0.05;
const WARMUP = 2;
const RUNS = 15;
const TARGET_RATE = 1_000_000;
const TARGET_RATIO = 3;
const PROFILES = [LEC_DEFAULT, LS_DEFAULT] as const;

/** A grading request as a route holds it after parsing the body. */
interface GradingRequest extends GradingInput {
  profileId: string;
  profileVersion: number;
  inherent: Readonly<Record<string, number>>;
}

/** The same requests as numbers only: profile, factor values (3 slots each) and the rule flag. */
interface Parsed {
  profile: Uint8Array;
  current: Float64Array;
  inherent: Float64Array;
  ruled: Uint8Array;
}

/** mulberry32: a small seeded PRNG, so every run grades the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): { requests: GradingRequest[]; parsed: Parsed } {
  const random = prng(20_261_129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const requests: GradingRequest[] = new Array(N);
  const parsed: Parsed = {
    profile: new Uint8Array(N),
    current: new Float64Array(N * 3).fill(1),
    inherent: new Float64Array(N * 3).fill(1),
    ruled: new Uint8Array(N),
  };
  for (let i = 0; i < N; i++) {
    const p = random() < 0.5 ? 0 : 1;
    const profile = PROFILES[p] as MethodProfile;
    const current: Record<string, number> = {};
    const inherent: Record<string, number> = {};
    profile.factors.forEach((f, k) => {
      const cur = pick(f.values).value;
      const inh = pick(f.values).value;
      current[f.letter] = cur;
      inherent[f.letter] = inh;
      parsed.current[i * 3 + k] = cur;
      parsed.inherent[i * 3 + k] = inh;
    });
    const request: GradingRequest = {
      profileId: profile.id,
      profileVersion: profile.version,
      current,
      inherent,
      controlsRecorded: random() < 0.5,
    };
    if (random() < DIRECT_MAJOR_SHARE) {
      const rule = pick(profile.directMajorRules);
      request.directRules = [{ id: rule.id, evidence: `inspection record ${i}` }];
      parsed.ruled[i] = 1;
    }
    parsed.profile[i] = p;
    requests[i] = request;
  }
  return { requests, parsed };
}

/** Bands as plain numbers: bounds (±Infinity when open), inclusiveness and level rank. */
interface ParsedBands {
  min: Float64Array;
  minInclusive: Uint8Array;
  max: Float64Array;
  maxInclusive: Uint8Array;
  rank: Uint8Array;
}

function parseBands(profile: MethodProfile): ParsedBands {
  const { bands } = profile;
  return {
    min: Float64Array.from(bands, (b) => b.min?.value ?? Number.NEGATIVE_INFINITY),
    minInclusive: Uint8Array.from(bands, (b) => (b.min?.inclusive ? 1 : 0)),
    max: Float64Array.from(bands, (b) => b.max?.value ?? Number.POSITIVE_INFINITY),
    maxInclusive: Uint8Array.from(bands, (b) => (b.max?.inclusive ? 1 : 0)),
    rank: Uint8Array.from(bands, (b) => levelRank(b.level)),
  };
}

function bandRank(bands: ParsedBands, score: number): number {
  const n = bands.rank.length;
  for (let b = 0; b < n; b++) {
    const lo = bands.min[b] as number;
    const hi = bands.max[b] as number;
    if (bands.minInclusive[b] ? score < lo : score <= lo) continue;
    if (bands.maxInclusive[b] ? score > hi : score >= hi) continue;
    return bands.rank[b] as number;
  }
  return 0;
}

/** The floor's grade of assessment `i`: products and band lookups, a rule making it major. */
function floorRanks(parsed: Parsed, bands: readonly ParsedBands[], i: number): number {
  const b = bands[parsed.profile[i] as number] as ParsedBands;
  const o = i * 3;
  const c = parsed.current;
  const h = parsed.inherent;
  const cur = (c[o] as number) * (c[o + 1] as number) * (c[o + 2] as number);
  const inh = (h[o] as number) * (h[o + 1] as number) * (h[o + 2] as number);
  if (parsed.ruled[i] === 1) return 4 + 4 * 8;
  return bandRank(b, cur) + bandRank(b, inh) * 8;
}

function floorPass(parsed: Parsed, bands: readonly ParsedBands[]): number {
  let checksum = 0;
  for (let i = 0; i < N; i++) checksum += floorRanks(parsed, bands, i);
  return checksum;
}

/** The product as a route would call it: the profile by id and version, then `grade`. */
function productGrade(request: GradingRequest): Grade {
  return grade(getProfile(request.profileId, request.profileVersion), request);
}

/**
 * Grades are kept (in a small ring, as a route keeps one to store it) so that V8 cannot drop
 * their allocation; the levels are read, as the floor's ranks are.
 */
function productPass(requests: readonly GradingRequest[], kept: Grade[]): number {
  let checksum = 0;
  for (let i = 0; i < N; i++) {
    const g = productGrade(requests[i] as GradingRequest);
    kept[i & (kept.length - 1)] = g;
    checksum += g.level.length + (g.inherent?.level.length ?? 0) * 8;
  }
  return checksum;
}

/** Untimed: the product and the floor must agree on every level. */
function verify(
  requests: readonly GradingRequest[],
  parsed: Parsed,
  bands: readonly ParsedBands[],
) {
  for (let i = 0; i < N; i++) {
    const g = productGrade(requests[i] as GradingRequest);
    const ranks = levelRank(g.level) + levelRank(g.inherent?.level ?? g.level) * 8;
    if (ranks !== floorRanks(parsed, bands, i))
      throw new Error(`assessment ${i}: product and floor disagree (${JSON.stringify(g)})`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Per timed pass: wall time, and CPU time of the process (what one core spent, GC included). */
interface Timings {
  wallMs: number[];
  cpuMs: number[];
}

function timed(pass: () => number, into: Timings): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const checksum = pass();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  into.wallMs.push(wall);
  into.cpuMs.push((used.user + used.system) / 1000);
  return checksum;
}

/**
 * Warm-up passes, then timed passes with floor and product alternating, so that noise from
 * other processes on a shared machine falls on both. Passes of one kind must agree on checksums.
 */
function measure(floor: () => number, product: () => number): Record<"floor" | "product", Timings> {
  const timings = { floor: { wallMs: [], cpuMs: [] }, product: { wallMs: [], cpuMs: [] } };
  const checksums = { floor: new Set<number>(), product: new Set<number>() };
  for (let r = 0; r < WARMUP; r++) {
    checksums.floor.add(floor());
    checksums.product.add(product());
  }
  for (let r = 0; r < RUNS; r++) {
    checksums.floor.add(timed(floor, timings.floor));
    checksums.product.add(timed(product, timings.product));
  }
  if (checksums.floor.size !== 1 || checksums.product.size !== 1)
    throw new Error("a pass gave a different checksum from the others");
  return timings;
}

const rate = (ms: number) => (N / ms) * 1000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** `grading` of benchmarks.md: 1,000,000 grades through the product against a numbers-only floor. */
export async function grading(): Promise<BenchResult> {
  const genStart = performance.now();
  const { requests, parsed } = generate();
  const ruled = parsed.ruled.reduce((n, r) => n + r, 0);
  console.log(
    `generated ${fmt(N)} assessments (${fmt(N - parsed.profile.reduce((n, p) => n + p, 0))} LEC, ${fmt(ruled)} direct-major) in ${(performance.now() - genStart).toFixed(0)} ms`,
  );
  const bands = PROFILES.map(parseBands);
  verify(requests, parsed, bands);
  const kept = new Array<Grade>(1024);
  const t = measure(
    () => floorPass(parsed, bands),
    () => productPass(requests, kept),
  );
  const floorMs = median(t.floor.cpuMs);
  const productMs = median(t.product.cpuMs);
  for (const [name, ms, times] of [
    ["floor", floorMs, t.floor],
    ["product", productMs, t.product],
  ] as const)
    console.log(
      `${name}: median CPU ${ms.toFixed(1)} ms (wall ${median(times.wallMs).toFixed(1)} ms) per ${fmt(N)}, ${fmt(rate(ms))} grades per CPU-second`,
    );
  // CPU time, not wall time: on a shared machine time spent descheduled is not the code's. Each
  // product pass is paired with the floor pass just before it, so a noisy moment hits both.
  const ratio = median(t.product.cpuMs.map((ms, r) => ms / (t.floor.cpuMs[r] as number)));
  const wallRatio = median(t.product.wallMs.map((ms, r) => ms / (t.floor.wallMs[r] as number)));
  console.log(
    `ratio product/floor: median of ${RUNS} paired passes ${ratio.toFixed(2)} (wall ${wallRatio.toFixed(2)})`,
  );
  const met = rate(productMs) >= TARGET_RATE && ratio <= TARGET_RATIO;
  const verdict = met ? "meets target" : `MISSES target (≥${fmt(TARGET_RATE)}/s, ≤${TARGET_RATIO})`;
  return {
    figures: {
      product: `${fmt(rate(productMs))} grades/s (CPU ${productMs.toFixed(1)} ms)`,
      floor: `${fmt(rate(floorMs))} grades/s (CPU ${floorMs.toFixed(1)} ms)`,
      ratio: `×${ratio.toFixed(2)} (wall ×${wallRatio.toFixed(2)})`,
    },
    headline: `grading: ${fmt(rate(productMs))} grades per CPU-second, ratio ${ratio.toFixed(2)} vs floor (${fmt(rate(floorMs))} grades/s) — ${verdict}`,
  };
}
