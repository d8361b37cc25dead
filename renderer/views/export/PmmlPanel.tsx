// PMML of a cluster model: what it is for and what it leaves out, which stored model to write (the
// newest by default; as-of date, k and signals in the select), "Export PMML…" through the save
// dialog and the file written (path, size, k, signals). With no model yet: fit one in Clusters.
import { useApp } from '../../store/index.ts';
import { chosenPmmlModel } from '../../store/exportSlice.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { LoadErrorState, LoadingState } from '../../components/ViewStates.tsx';
import { formatBytes, formatDateTime, plural } from '../../lib/format.ts';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { pmmlModelLabel } from './exportText.ts';

function PmmlFileStatus() {
  const file = useApp((s) => s.exportPmmlFile);
  const cancel = useApp((s) => s.cancelPmmlExport);
  const dismiss = useApp((s) => s.dismissPmmlReplace);
  const exportTo = useApp((s) => s.exportPmml);
  return (
    <SaveFileStatus
      state={file}
      testIdPrefix="pmml"
      fileName="The PMML"
      startingText="Writing the PMML…"
      replaceWith="this cluster model’s PMML"
      onCancel={cancel}
      onDismissReplace={dismiss}
      onReplace={(p) => void exportTo(p, true)}
      resultData={(r) => ({ model: r.modelId, clusters: r.clusters })}
      describe={(r) => (
        <>
          Wrote cluster model #{r.modelId} ({formatBytes(r.bytes)}, k = {r.clusters}, {plural(r.signals, 'signal')}) to <span className="mono vp-path">{r.path}</span>
        </>
      )}
    />
  );
}

function NoModel() {
  return (
    <EmptyState
      icon="clusters"
      title="Fit clusters in the Clusters view first"
      testId="pmml-no-model"
      actions={
        <button type="button" className="btn primary" onClick={() => useApp.getState().setView('clusters')} data-testid="pmml-go-clusters">
          <Icon name="clusters" size={14} /> Go to Clusters
        </button>
      }
    >
      <p>The PMML file carries a fitted cluster model. This workspace has none yet: every fit in the Clusters view is stored and can be exported here.</p>
    </EmptyState>
  );
}

function ModelPicker() {
  const list = useApp((s) => s.exportPmmlModels.list) ?? [];
  const picked = useApp((s) => s.exportPmmlModelId);
  const choose = useApp((s) => s.setPmmlModel);
  const model = chosenPmmlModel(list, picked);
  if (!model) return null;
  const detail = `Fitted ${formatDateTime(model.createdAt)} · ${model.names.length > 0 ? model.names.join(', ') : plural(model.k, 'cluster')}`;
  return (
    <div className="field ex-pmml-model">
      <label htmlFor="export-pmml-model">Cluster model</label>
      <select
        id="export-pmml-model"
        className="select"
        value={model.modelId}
        onChange={(e) => choose(Number(e.target.value))}
        aria-describedby="export-pmml-model-hint"
        data-testid="pmml-model-select"
      >
        {list.map((m, i) => (
          <option key={m.modelId} value={m.modelId}>
            {pmmlModelLabel(m, i === 0)}
          </option>
        ))}
      </select>
      <span className="hint" id="export-pmml-model-hint" title={detail} data-testid="pmml-model-detail" data-model={model.modelId}>
        {detail}
      </span>
    </div>
  );
}

export function PmmlPanel() {
  const { list, loading, error } = useApp((s) => s.exportPmmlModels);
  const file = useApp((s) => s.exportPmmlFile);
  const prompt = useApp((s) => s.promptPmmlExport);
  const reload = useApp((s) => s.loadPmmlModels);
  const hasModel = (list?.length ?? 0) > 0;

  let body;
  if (list === null && error) body = <LoadErrorState title="The cluster models could not be listed" message={error.message} onRetry={() => void reload()} testId="pmml-models-error" />;
  else if (list === null) body = loading ? <LoadingState label="Listing the cluster models…" /> : null;
  else if (!hasModel) body = <NoModel />;
  else
    body = (
      <>
        <div className="ex-options">
          <ModelPicker />
        </div>
        <div className="ex-pmml-holds" data-testid="pmml-holds">
          <h4>What the file holds</h4>
          <ul>
            <li>A PMML 4.4 ClusteringModel over the model’s signals, each a DataField.</li>
            <li>The model’s own scaling as LocalTransformations: centring, scaling or percentiles, clipping, weights, imputed values.</li>
            <li>Squared Euclidean distance to each centroid; the clusters in order, with their keys and names.</li>
            <li>A customer missing a signal under missing = drop gets no cluster, as the workbench leaves them unclustered.</li>
          </ul>
        </div>
      </>
    );

  return (
    <section className="vp-card ex-format-card" aria-labelledby="ex-p-title" data-testid="export-pmml">
      <header className="vp-card-head ex-card-head">
        <div className="ex-card-title">
          <h3 id="ex-p-title">PMML (cluster model)</h3>
          <span className="muted vp-head-note">
            A fitted cluster model in the standard Predictive Model Markup Language, so PMML scorers such as JPMML, Spark and KNIME assign new customers to exactly
            the clusters the workbench would. Give them the same signals, computed as the workbench computes them.
          </span>
        </div>
        <button type="button" className="btn primary" onClick={() => void prompt()} disabled={!hasModel || file.job !== null} data-testid="pmml-export-run">
          <Icon name="export" size={14} /> Export PMML…
        </button>
      </header>
      <PmmlFileStatus />
      {body}
      <p className="ex-note faint" data-testid="pmml-limits">
        <Icon name="info" size={13} />
        <span>
          The file holds the cluster model only. The intent score and phase are a PMML Scorecard of their own:{' '}
          <button type="button" className="vp-link" onClick={() => useApp.getState().setExportFormat('scorecard')} data-testid="pmml-go-scorecard">
            PMML (intent score)
          </button>
          .
        </span>
      </p>
    </section>
  );
}
