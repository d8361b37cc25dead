// Writing a cluster model's or the intent score's PMML where the analyst chose (refusing to overwrite unless told to):
// shared by the CLI and the export-pmml operation.
import { ApiError } from '../../api/contract.ts';
import { loadModel } from '../../clusters/models.ts';
import { checkTarget, writeTextFile } from '../../files/csv-writer.ts';
import { defaultAsOf, formatDay, parseAsOf } from '../../signals/as-of.ts';
import { computeSignals } from '../../signals/compute.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import { loadSettings } from '../../signals/settings.ts';
import type { Db } from '../../store/db.ts';
import { clusteringPmml } from './clustering.ts';
import { scorecardPmml } from './scorecard.ts';
import type { PmmlExportResult, ScorecardPmmlExportResult } from '../types.ts';
import type { SignalFrame } from '../../signals/frame.ts';
import { weightedSignals } from '../sql/scoring.ts';

/** The given cluster model, or the newest, as a PMML 4.4 ClusteringModel file. */
export function exportClusteringPmml(db: Db, options: { path: string; overwrite: boolean; modelId?: number | undefined; workbenchVersion: string }): PmmlExportResult {
  checkTarget(options.path, options.overwrite);
  const model = loadModel(db, options.modelId);
  if (!model) {
    throw new ApiError({
      code: 'cluster-model-not-found',
      message: options.modelId === undefined ? 'There are no cluster models in this workspace yet: fit clusters first.' : `There is no cluster model ${options.modelId} in this workspace.`,
    });
  }
  const xml = clusteringPmml(model, { workbenchVersion: options.workbenchVersion, signals: signalCatalog({ db }) });
  const { bytes } = writeTextFile(options.path, xml);
  return { path: options.path, bytes, modelId: model.summary.modelId, clusters: model.summary.clusters.length, signals: model.scaling.length };
}

/** The intent score and phases over a frame of signals (its date's population) as a PMML 4.4 Scorecard file. */
export function writeScorecardPmml(db: Db, frame: SignalFrame, options: { path: string; overwrite: boolean; workbenchVersion: string }): ScorecardPmmlExportResult {
  checkTarget(options.path, options.overwrite);
  const catalog = signalCatalog({ db });
  const settings = loadSettings(db, catalog);
  const asOf = formatDay(frame.asOf);
  const xml = scorecardPmml(frame, settings, { workbenchVersion: options.workbenchVersion, signals: catalog, asOf });
  const { bytes } = writeTextFile(options.path, xml);
  return { path: options.path, bytes, asOf, signals: weightedSignals(frame.signals, settings).length };
}

/** For the CLI and tests: the frame computed here, as of a day (default: the day after the newest event). */
export function exportScorecardPmml(db: Db, options: { path: string; overwrite: boolean; asOf?: string | undefined; workbenchVersion: string }): ScorecardPmmlExportResult {
  checkTarget(options.path, options.overwrite);
  const asOf = options.asOf === undefined ? defaultAsOf(db) : parseAsOf(options.asOf);
  return writeScorecardPmml(db, computeSignals(db, { asOf }), options);
}
