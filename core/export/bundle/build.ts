// Builds the JSON bundle from a workspace: every definition that decides membership (taxonomy,
// custom signals, weights and thresholds, the cluster model's scaling and centroids, RFM, saved
// segments and their priority), the decisions, the economics settings and the stored
// prediction; the data's fingerprint; the sizes of each segmentation at the date; the integrity hash.
import { loadModel } from '../../clusters/models.ts';
import { currentDecisions } from '../../economics/decisions.ts';
import { loadEconomicsSettings } from '../../economics/settings.ts';
import { loadTaxonomy } from '../../import/taxonomy.ts';
import { loadPrediction } from '../../predict/stored.ts';
import { loadRfmSettings } from '../../rules/rfm.ts';
import type { Evaluator } from '../../rules/segmentations.ts';
import { listSegments } from '../../rules/segments-store.ts';
import { formatSegmentationRef, type SegmentationRef } from '../../rules/types.ts';
import { loadCustomSignals } from '../../signals/custom.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import { loadSettings } from '../../signals/settings.ts';
import type { Db } from '../../store/db.ts';
import { integrityOf } from './integrity.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type DataFingerprint } from './schema.ts';

/** The segmentations whose sizes a bundle records (and an import compares). */
export function bundledSegmentations(db: Db): SegmentationRef[] {
  const model = loadModel(db);
  return [{ kind: 'phases' }, { kind: 'rfm' }, { kind: 'rules' }, ...(model ? [{ kind: 'clusters' as const, modelId: model.summary.modelId }] : [])];
}

/** Customers per segment key of each bundled segmentation, by segmentation name ("phases", "clusters:3"...). */
export function segmentationSizes(evaluator: Evaluator, refs: readonly SegmentationRef[]): Bundle['sizes'] {
  return Object.fromEntries(
    refs.map((ref) => {
      const name = ref.kind === 'clusters' ? 'clusters' : formatSegmentationRef(ref);
      return [name, Object.fromEntries(evaluator.segmentation(ref).info.segments.map((s) => [s.key, s.customers]))];
    }),
  );
}

export function buildBundle(db: Db, options: { workbenchVersion: string; asOf: string; data: DataFingerprint; sizes: Bundle['sizes']; now?: Date }): Bundle {
  const model = loadModel(db);
  const segments = listSegments(db);
  const d = model?.scaling.length ?? 0;
  const { integrity: _none, ...body } = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    workbenchVersion: options.workbenchVersion,
    createdAt: (options.now ?? new Date()).toISOString(),
    asOf: options.asOf,
    data: options.data,
    taxonomy: loadTaxonomy(db),
    customSignals: loadCustomSignals(db),
    scoring: loadSettings(db, signalCatalog({ db })),
    clusterModel: model
      ? {
          modelId: model.summary.modelId,
          asOf: model.summary.asOf,
          settings: model.summary.settings,
          scaling: model.scaling,
          centroids: model.summary.clusters.map((_, j) => Array.from(model.centroids.subarray(j * d, j * d + d))),
          clusters: model.summary.clusters.map((c) => ({ key: c.key, name: c.name, colour: c.colour })),
          summary: model.summary as unknown as Record<string, unknown>,
        }
      : null,
    rfm: loadRfmSettings(db),
    segments: segments.map((s) => ({ segmentId: s.segmentId, name: s.name, description: s.description, version: s.version, rule: s.rule })),
    priority: segments.map((s) => s.segmentId),
    decisions: currentDecisions(db).map(({ decisionId: _id, figures: _figures, decision, ...rest }) => ({ ...rest, decision: decision! })),
    economics: loadEconomicsSettings(db),
    prediction: loadPrediction(db),
    sizes: options.sizes,
    integrity: '',
  } satisfies Bundle;
  return { ...body, integrity: integrityOf(body) } as Bundle;
}
