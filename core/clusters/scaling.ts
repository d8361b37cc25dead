// Signals -> the matrix k-means sees: each chosen signal scaled (z-score, robust or percentile),
// missing values filled by the chosen rule (or the customer left out), then multiplied by its
// weight. The scaling is stored with the model, so the same customer always lands in the same
// place and other systems can re-evaluate a model from raw signal values.
import { quantileSorted, sortedPresent } from '../scoring/sorted-values.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { SignalInfo } from '../signals/types.ts';
import type { ClusterMissing, ClusterScaling } from './types.ts';

/** How one signal's raw value becomes a coordinate: ((clamp(raw ?? impute) - centre) / scale, clipped) * weight. */
export interface SignalScaling {
  id: string;
  method: ClusterScaling;
  centre: number;
  scale: number;
  /** Robust scaling clips to ±clip scaled units; null = no clipping. */
  clip: number | null;
  /** Raw value used when the customer has none; null = such customers are left out. */
  impute: number | null;
  weight: number;
  /** Percentile scaling: raw values at 0, 0.5, ..., 100 % (the coordinate interpolates between them). */
  breakpoints: number[] | null;
}

const MAD_TO_SD = 1.4826;
const MEAN_ABS_DEV_TO_SD = Math.sqrt(Math.PI / 2);
const ROBUST_CLIP = 4;
const PERCENTILE_STEPS = 200;

function meanAndSd(sorted: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / sorted.length;
  let sq = 0;
  for (const v of sorted) sq += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / sorted.length) };
}

/** Median and a robust standard deviation; falls back like the intent score's robust z (see scoring/normalise.ts). */
function robustCentreScale(sorted: Float64Array): { centre: number; scale: number } {
  const centre = quantileSorted(sorted, 0.5);
  const deviations = new Float64Array(sorted.length);
  let absoluteSum = 0;
  for (let i = 0; i < sorted.length; i++) {
    deviations[i] = Math.abs(sorted[i]! - centre);
    absoluteSum += deviations[i]!;
  }
  deviations.sort();
  let scale = MAD_TO_SD * quantileSorted(deviations, 0.5);
  if (scale === 0) scale = MEAN_ABS_DEV_TO_SD * (absoluteSum / sorted.length);
  return { centre, scale };
}

function imputeValue(signal: SignalInfo, sorted: Float64Array, missing: ClusterMissing): number | null {
  if (missing === 'drop') return null;
  if (sorted.length === 0) return 0;
  if (missing === 'signal-policy' && signal.missing === 'worst') return signal.direction === 1 ? sorted[0]! : sorted[sorted.length - 1]!;
  return quantileSorted(sorted, 0.5);
}

export function fitScaling(signal: SignalInfo, values: Float64Array, method: ClusterScaling, missing: ClusterMissing, weight: number): SignalScaling {
  const sorted = sortedPresent(values);
  const impute = imputeValue(signal, sorted, missing);
  const base = { id: signal.id, method, impute, weight };
  if (sorted.length === 0) return { ...base, centre: 0, scale: 1, clip: null, breakpoints: null };
  if (method === 'percentile') {
    const breakpoints = Array.from({ length: PERCENTILE_STEPS + 1 }, (_, i) => quantileSorted(sorted, i / PERCENTILE_STEPS));
    return { ...base, centre: 0, scale: 1, clip: null, breakpoints };
  }
  if (method === 'robust') {
    const { centre, scale } = robustCentreScale(sorted);
    return { ...base, centre, scale: scale > 0 ? scale : 1, clip: ROBUST_CLIP, breakpoints: null };
  }
  const { mean, sd } = meanAndSd(sorted);
  return { ...base, centre: mean, scale: sd > 0 ? sd : 1, clip: null, breakpoints: null };
}

/** Position of v among the breakpoints on 0..1, interpolating inside a step and taking the middle of a run of ties. */
function percentileOf(breakpoints: number[], v: number): number {
  const last = breakpoints.length - 1;
  if (v <= breakpoints[0]!) return v < breakpoints[0]! ? 0 : upperTie(breakpoints, 0) / (2 * last);
  if (v >= breakpoints[last]!) return v > breakpoints[last]! ? 1 : (lowerTie(breakpoints, last) + last) / (2 * last);
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (breakpoints[mid]! <= v) lo = mid;
    else hi = mid;
  }
  if (breakpoints[lo] === v) return (lowerTie(breakpoints, lo) + lo) / (2 * last);
  return (lo + (v - breakpoints[lo]!) / (breakpoints[hi]! - breakpoints[lo]!)) / last;
}

const lowerTie = (b: number[], i: number) => {
  while (i > 0 && b[i - 1] === b[i]) i--;
  return i;
};
const upperTie = (b: number[], i: number) => {
  while (i < b.length - 1 && b[i + 1] === b[i]) i++;
  return i;
};

/** The coordinate of a raw value (NaN = missing); NaN when the customer is left out. */
export function scaleValue(s: SignalScaling, raw: number): number {
  const v = raw === raw ? raw : s.impute;
  if (v === null) return NaN;
  let z = s.breakpoints ? percentileOf(s.breakpoints, v) : (v - s.centre) / s.scale;
  if (s.clip !== null) z = Math.max(-s.clip, Math.min(s.clip, z));
  return z * s.weight;
}

/** The raw value a coordinate stands for (the inverse of scaleValue, up to clipping); NaN for weight 0. */
export function unscaleValue(s: SignalScaling, coordinate: number): number {
  if (s.weight === 0) return NaN;
  const z = coordinate / s.weight;
  const b = s.breakpoints;
  if (!b) return s.centre + z * s.scale;
  const at = Math.max(0, Math.min(1, z)) * (b.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(b.length - 1, lo + 1);
  return b[lo]! + (at - lo) * (b[hi]! - b[lo]!);
}

export interface ClusterMatrix {
  /** Row-major rows x d coordinates, in a SharedArrayBuffer so a worker reads it without a copy. */
  data: Float64Array;
  n: number;
  d: number;
  /** Frame row of each matrix row (customers left out have none). */
  frameRows: Int32Array;
  dropped: number;
}

export function buildMatrix(frame: SignalFrame, scalings: readonly SignalScaling[]): ClusterMatrix {
  const columns = scalings.map((s) => {
    const j = frame.signals.findIndex((info) => info.id === s.id);
    if (j < 0) throw new Error(`signal ${s.id} is not in the computed signals`);
    return frame.values[j]!;
  });
  // Rows of the columns, not customerIds: a worker gets the columns without the ids.
  const total = frame.values[0]?.length ?? 0;
  const d = scalings.length;
  const frameRows = new Int32Array(total);
  const data = new Float64Array(new SharedArrayBuffer(total * d * 8));
  let n = 0;
  for (let i = 0; i < total; i++) {
    const p = n * d;
    let keep = true;
    for (let t = 0; t < d; t++) {
      const v = scaleValue(scalings[t]!, columns[t]![i]!);
      if (v !== v) {
        keep = false;
        break;
      }
      data[p + t] = v;
    }
    if (!keep) continue;
    frameRows[n++] = i;
  }
  return { data: data.subarray(0, n * d), n, d, frameRows: frameRows.slice(0, n), dropped: total - n };
}
