// Writes a bundle's definitions into a workspace, in one transaction: taxonomy rules, custom
// signals, weights and thresholds, RFM, economics and prediction settings, the saved segments
// with their ids (so rules that refer to segments, the priority list and decisions stay valid),
// the cluster model (as the newest model, keys kept) and the decisions. It replaces the
// workspace's own definitions; with saved segments present it refuses unless told to replace.
import { ApiError } from '../../api/contract.ts';
import { saveModel } from '../../clusters/models.ts';
import { saveTaxonomy } from '../../import/taxonomy-handlers.ts';
import type { ClusterModel } from '../../clusters/types.ts';
import { saveEconomicsSettings } from '../../economics/settings.ts';
import { saveRfmSettings } from '../../rules/rfm.ts';
import { listSegments } from '../../rules/segments-store.ts';
import type { Db } from '../../store/db.ts';
import { writeSetting } from '../../store/settings.ts';
import type { Bundle } from './schema.ts';
import type { ApplySummary } from '../types.ts';

export function applyBundle(db: Db, bundle: Bundle, options: { replace: boolean }, now = Date.now()): ApplySummary {
  const existing = listSegments(db);
  if (existing.length > 0 && !options.replace) {
    throw new ApiError({
      code: 'bundle-would-replace',
      message: `This workspace has ${existing.length} saved segment${existing.length === 1 ? '' : 's'} (${existing.map((s) => s.name).join(', ')}). Importing the bundle replaces them and every other definition: confirm to replace.`,
      details: { segments: existing.length },
    });
  }
  let modelId: number | null = null;
  db.transaction(() => {
    // The rules only: page categories are data, assigned when events were imported, and the
    // fingerprint already says they are the same. Re-categorising here changed categories the
    // source workspace had kept from an earlier taxonomy (the round-trip test caught it); the
    // taxonomy panel re-categorises when the analyst asks.
    saveTaxonomy(db, bundle.taxonomy, false);

    db.run('DELETE FROM signal_definitions');
    for (const s of bundle.customSignals) db.run('INSERT INTO signal_definitions (signal_id, definition, saved_at) VALUES (?, ?, ?)', [s.id, JSON.stringify(s), now]);

    writeSetting(db, 'scoring', bundle.scoring, now);
    saveRfmSettings(db, bundle.rfm);
    saveEconomicsSettings(db, bundle.economics);
    if (bundle.prediction) writeSetting(db, 'prediction', bundle.prediction, bundle.prediction.savedAt);
    else db.run("DELETE FROM workbench_settings WHERE key = 'prediction'");

    db.run('DELETE FROM segments');
    const position = new Map(bundle.priority.map((id, i) => [id, i]));
    for (const s of bundle.segments) {
      const definition = JSON.stringify(s.rule);
      db.run('INSERT INTO segments (segment_id, name, description, definition, version, priority, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        s.segmentId,
        s.name,
        s.description,
        definition,
        s.version,
        position.get(s.segmentId)!,
        now,
        now,
      ]);
      db.run('INSERT INTO segment_versions (segment_id, version, name, description, definition, saved_at) VALUES (?, ?, ?, ?, ?, ?)', [s.segmentId, s.version, s.name, s.description, definition, now]);
    }

    const m = bundle.clusterModel;
    if (m) {
      const summary = { ...(m.summary as unknown as ClusterModel), asOf: m.asOf, settings: m.settings, previousModelId: null, createdAt: now };
      modelId = saveModel(db, { summary, scaling: m.scaling, centroids: Float64Array.from(m.centroids.flat()) });
    }

    for (const d of bundle.decisions) {
      db.run(
        `INSERT INTO segment_decisions (family, segment_key, segment_name, decision, rationale, definition_version, as_of, decided_at, decided_by, figures)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        [d.family, d.segmentKey, d.segmentName, d.decision, d.rationale, d.definitionVersion, d.asOf, d.decidedAt, d.decidedBy],
      );
    }
  });
  return {
    segments: bundle.segments.length,
    replacedSegments: existing.length,
    customSignals: bundle.customSignals.length,
    taxonomyRules: bundle.taxonomy.length,
    decisions: bundle.decisions.length,
    modelId,
  };
}
