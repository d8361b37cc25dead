// Export and import of the JSON bundle, shared by the app's handlers and the CLI: the caller
// supplies an evaluator for a date (worker-backed in the app, in-thread in the CLI) and the data
// fingerprint.
import { ApiError } from '../../api/contract.ts';
import { checkTarget, writeTextFile } from '../../files/csv-writer.ts';
import type { Evaluator } from '../../rules/segmentations.ts';
import type { Db } from '../../store/db.ts';
import { applyBundle } from './apply.ts';
import type { BundleExportResult, SizeCheck } from '../types.ts';
import { buildBundle, bundledSegmentations, segmentationSizes } from './build.ts';
import type { Bundle, DataFingerprint } from './schema.ts';

export function exportBundle(db: Db, evaluator: Evaluator, options: { path: string; overwrite: boolean; asOf: string; workbenchVersion: string; data: DataFingerprint }): BundleExportResult {
  checkTarget(options.path, options.overwrite);
  const sizes = segmentationSizes(evaluator, bundledSegmentations(db));
  const bundle = buildBundle(db, { workbenchVersion: options.workbenchVersion, asOf: options.asOf, data: options.data, sizes });
  const { bytes } = writeTextFile(options.path, `${JSON.stringify(bundle, null, 2)}\n`);
  return { path: options.path, bytes, asOf: bundle.asOf, fingerprint: bundle.data, segments: bundle.segments.length, clusterModel: bundle.clusterModel?.modelId ?? null };
}

/** Refuses a bundle built on other data unless the analyst accepts that membership will differ. */
export function checkFingerprint(bundle: Bundle, here: DataFingerprint, acceptDifferentData: boolean): boolean {
  const same = bundle.data.sha256 === here.sha256;
  if (!same && !acceptDifferentData) {
    const day = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 10));
    const describe = (f: DataFingerprint) => `${f.customers.toLocaleString('en')} customers, ${f.events.toLocaleString('en')} events, ${day(f.firstEventAt)} to ${day(f.lastEventAt)}`;
    throw new ApiError({
      code: 'bundle-data-mismatch',
      message: `The bundle was built on other data (${describe(bundle.data)}) than this workspace holds (${describe(here)}): the same definitions will give other members. Import anyway only to reuse the definitions.`,
    });
  }
  return same;
}

/** The bundled segmentations' sizes here, against the bundle's: the differences (none when reproduced). */
export function compareSizes(bundle: Bundle, evaluator: Evaluator, db: Db): SizeCheck[] {
  const here = segmentationSizes(evaluator, bundledSegmentations(db));
  const out: SizeCheck[] = [];
  for (const [segmentation, sizes] of Object.entries(bundle.sizes)) {
    const mine = here[segmentation] ?? {};
    for (const key of new Set([...Object.keys(sizes), ...Object.keys(mine)])) {
      const expected = sizes[key] ?? 0;
      const actual = mine[key] ?? 0;
      if (expected !== actual) out.push({ segmentation, key, expected, actual });
    }
  }
  return out;
}

export { applyBundle };
