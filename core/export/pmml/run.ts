// Writing a cluster model's PMML where the analyst chose (refusing to overwrite unless told to):
// shared by the CLI and the export-pmml operation.
import { ApiError } from '../../api/contract.ts';
import { loadModel } from '../../clusters/models.ts';
import { checkTarget, writeTextFile } from '../../files/csv-writer.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import type { Db } from '../../store/db.ts';
import { clusteringPmml } from './clustering.ts';
import type { PmmlExportResult } from '../types.ts';


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
