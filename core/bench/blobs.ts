// Seeded Gaussian blobs for the clustering benchmark, in the spirit of scikit-learn's make_blobs:
// `centers` centres drawn uniformly in a box, points spread around them with one standard
// deviation in every dimension. The result is a flat row-major Float64Array, and writeRawFloat64
// stores it as plain little-endian float64 so other tools (numpy.fromfile) load the same numbers.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { Rng } from '../sample/random.ts';

export interface BlobsOptions {
  n: number;
  d: number;
  centers: number;
  std: number;
  seed: number;
  /** Box the centres are drawn from in every dimension; make_blobs' default center_box. */
  centerBox?: readonly [number, number];
}

export interface Blobs {
  /** Row-major n*d. */
  data: Float64Array;
  /** Which blob each point came from. Blobs take turns (i % centers), so sizes differ by at most one. */
  labels: Int32Array;
  /** Row-major centers*d. */
  centers: Float64Array;
}

export function makeBlobs(options: BlobsOptions): Blobs {
  const { n, d, centers: c, std, seed } = options;
  const [lo, hi] = options.centerBox ?? [-10, 10];
  if (!(n > 0 && d > 0 && c > 0)) throw new Error('makeBlobs needs n, d and centers > 0');
  const centerRng = new Rng(seed, 1);
  const centers = new Float64Array(c * d);
  for (let i = 0; i < centers.length; i++) centers[i] = centerRng.range(lo, hi);

  const rng = new Rng(seed, 2);
  const data = new Float64Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const blob = i % c;
    labels[i] = blob;
    const row = i * d;
    const centre = blob * d;
    for (let j = 0; j < d; j++) data[row + j] = rng.normal(centers[centre + j]!, std);
  }
  return { data, labels, centers };
}

/** Writes `data` as raw little-endian float64 (no header), in chunks so no second full copy is made. */
export function writeRawFloat64(path: string, data: Float64Array): void {
  const fd = openSync(path, 'w');
  try {
    const chunk = 1 << 17; // values per write: 1 MB
    const swapped = endianness() === 'LE' ? null : new DataView(new ArrayBuffer(chunk * 8));
    for (let start = 0; start < data.length; start += chunk) {
      const count = Math.min(chunk, data.length - start);
      if (swapped) {
        for (let i = 0; i < count; i++) swapped.setFloat64(i * 8, data[start + i]!, true);
        writeSync(fd, new Uint8Array(swapped.buffer, 0, count * 8));
      } else {
        writeSync(fd, new Uint8Array(data.buffer, data.byteOffset + start * 8, count * 8));
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a file written by writeRawFloat64 straight into one Float64Array (no intermediate Buffer). */
export function readRawFloat64(path: string, length: number): Float64Array {
  const data = new Float64Array(length);
  const bytes = new Uint8Array(data.buffer);
  const fd = openSync(path, 'r');
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, Math.min(1 << 24, bytes.length - offset), offset);
      if (read === 0) throw new Error(`${path}: expected ${length} float64 values, file ends after ${offset / 8}`);
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
  if (endianness() !== 'LE') {
    const view = new DataView(data.buffer);
    for (let i = 0; i < length; i++) data[i] = view.getFloat64(i * 8, true);
  }
  return data;
}
