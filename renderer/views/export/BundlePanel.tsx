// The JSON bundle: "Export bundle…" through the save dialog, "Compare with an earlier bundle…"
// (what changed since, before exporting) and "Import a bundle…" (another workspace's definitions),
// then what the bundle would hold now: a summary and the raw JSON.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes, plural } from '../../lib/format.ts';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { AsOfField } from './AsOfField.tsx';
import { BundleSummaryCard } from './BundleSummary.tsx';
import { BundleDiffCard } from './BundleDiffCard.tsx';
import { BundleImportCard, ImportQuestionDialog } from './BundleImport.tsx';

function BundleFileStatus() {
  const file = useApp((s) => s.exportBundleFile);
  const cancel = useApp((s) => s.cancelBundleExport);
  const dismiss = useApp((s) => s.dismissBundleReplace);
  const exportTo = useApp((s) => s.exportBundle);
  return (
    <SaveFileStatus
      state={file}
      testIdPrefix="bundle"
      fileName="The bundle"
      startingText="Writing the bundle…"
      replaceWith="the bundle of the current definitions"
      onCancel={cancel}
      onDismissReplace={dismiss}
      onReplace={(p) => void exportTo(p, true)}
      resultData={(r) => ({ segments: r.segments })}
      describe={(r) => (
        <>
          Wrote the definitions as of {r.asOf} ({formatBytes(r.bytes)}, {plural(r.segments, 'saved segment')}
          {r.clusterModel === null ? ', no cluster model' : `, cluster model #${r.clusterModel}`}) to <span className="mono vp-path">{r.path}</span>
        </>
      )}
    />
  );
}

export function BundlePanel() {
  const exporting = useApp((s) => s.exportBundleFile.job !== null);
  const comparing = useApp((s) => s.exportDiff.job !== null);
  const importing = useApp((s) => s.exportImport.job !== null);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const blocked = useApp((s) => (s.exportPreviews.bundle.error?.issues.length ?? 0) > 0);
  const promptExport = useApp((s) => s.promptBundleExport);
  const promptDiff = useApp((s) => s.promptBundleDiff);
  const promptImport = useApp((s) => s.promptBundleImport);
  return (
    <>
      <section className="vp-card ex-format-card" aria-labelledby="ex-b-title" data-testid="export-bundle">
        <header className="vp-card-head ex-card-head">
          <div className="ex-card-title">
            <h3 id="ex-b-title">JSON bundle</h3>
            <span className="muted vp-head-note">
              Custom signals, page taxonomy, weights and thresholds, the cluster model with its scaling and centroids, RFM, saved segments and their priority, decisions,
              economics settings and the stored prediction — with a fingerprint of the data and an integrity hash. Another workspace with the same data imports it to
              the same membership.
            </span>
          </div>
          <button type="button" className="btn primary" onClick={() => void promptExport()} disabled={exporting || blocked} data-testid="bundle-export-run">
            <Icon name="export" size={14} /> Export bundle…
          </button>
        </header>
        <BundleFileStatus />
        <div className="ex-options ex-bundle-options">
          <AsOfField format="bundle" />
          <div className="ex-secondary" role="group" aria-label="Other bundles">
            <button type="button" className="btn" onClick={() => void promptDiff()} disabled={comparing} title="What changed in the definitions since a bundle exported earlier" data-testid="bundle-diff-run">
              <Icon name="history" size={14} /> Compare with an earlier bundle…
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void promptImport()}
              disabled={importing || readonly}
              title={readonly ? 'The workspace is read-only' : 'Replace this workspace’s definitions with a bundle’s'}
              data-testid="bundle-import-run"
            >
              <Icon name="upload" size={14} /> Import a bundle…
            </button>
          </div>
        </div>
      </section>
      <BundleDiffCard />
      <BundleImportCard />
      <ImportQuestionDialog />
      <BundleSummaryCard />
    </>
  );
}
