// What the bundle would hold if exported now: counts per area, the cluster model, the saved
// segments in priority order, the decisions, the data's fingerprint; and the raw JSON on demand.
import { useMemo, useState } from 'react';
import type { Bundle } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { DECISION_LABEL } from '../../charts/economics-common/decisions.ts';
import { formatDateTime } from '../../lib/format.ts';
import { InlineJob } from '../signals/InlineJob.tsx';
import { bundleSummary, fingerprintText } from './exportText.ts';
import { PreviewError, PreviewIdle } from './PreviewStates.tsx';
import { RawJson } from './RawJson.tsx';
import '../../components/DecisionBadge.css';

function Summary({ bundle }: { bundle: Bundle }) {
  const s = useMemo(() => bundleSummary(bundle), [bundle]);
  return (
    <div className="ex-summary">
      <dl className="ex-areas" data-testid="bundle-areas">
        {s.areas.map((a) => (
          <div key={a.id} className="ex-area" data-testid="bundle-area" data-area={a.id}>
            <dt>{a.label}</dt>
            <dd>
              <span className="ex-area-value">{a.value}</span>
              {a.detail ? (
                <span className="ex-area-detail faint" title={a.detail}>
                  {a.detail}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <div className="ex-lists">
        <div className="ex-list-block">
          <h4>Saved segments, in priority order</h4>
          {s.segments.length ? (
            <ol className="ex-segments" data-testid="bundle-segments">
              {s.segments.map((seg) => (
                <li key={seg.segmentId} data-testid="bundle-segment" data-segment-id={seg.segmentId}>
                  <span className="ex-seg-name">{seg.name}</span> <span className="faint num">v{seg.version}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="faint">None: save rule segments in Rules &amp; Compare.</p>
          )}
        </div>
        <div className="ex-list-block">
          <h4>Decisions</h4>
          {s.decisions.length ? (
            <ul className="ex-decisions" data-testid="bundle-decisions">
              {s.decisions.map((d) => (
                <li key={d.key} title={d.rationale ? `Why: ${d.rationale}` : undefined}>
                  <span className={`decision-badge compact ${d.decision}`}>
                    <span className="decision-badge-dot" />
                    {DECISION_LABEL[d.decision]}
                  </span>{' '}
                  <span className="ex-seg-name">{d.name}</span> <span className="faint">{d.family}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="faint">None taken (Economics).</p>
          )}
        </div>
      </div>
      <div className="ex-fingerprint" data-testid="bundle-fingerprint" data-sha={s.fingerprint.short}>
        <Icon name="lock" size={13} />
        <div>
          <p>
            <strong>Data:</strong> {fingerprintText(s.fingerprint)} · <span className="ex-nowrap">SHA-256</span>{' '}
            <code title={`SHA-256 of the data: ${s.fingerprint.sha256}`}>{s.fingerprint.short}</code>
          </p>
          <p className="faint">
            <span className="ex-nowrap">
              integrity <code title="SHA-256 of the bundle’s content: an edited file is refused on import">{s.integrity}</code>
            </span>{' '}
            · <span className="ex-nowrap">workbench {s.workbenchVersion}</span> · <span className="ex-nowrap">built {formatDateTime(Date.parse(s.createdAt))}</span>
          </p>
        </div>
      </div>
    </div>
  );
}

export function BundleSummaryCard() {
  const p = useApp((s) => s.exportPreviews.bundle);
  const run = useApp((s) => s.runExportPreview);
  const cancel = useApp((s) => s.cancelExportPreview);
  const [raw, setRaw] = useState(false);
  const b = p.value;
  return (
    <section className="vp-card ex-preview" aria-labelledby="ex-bp-title" data-testid="bundle-preview">
      <header className="vp-card-head">
        <h3 id="ex-bp-title">What the bundle holds</h3>
        {b ? <span className="muted vp-head-note">as of {b.asOf}: membership sizes at that date are recorded for the import’s check</span> : null}
        <span className="spacer" />
        {p.job ? <InlineJob job={p.job} onCancel={() => cancel('bundle')} testIdPrefix="bundle-preview" startingText="Collecting the definitions…" /> : null}
      </header>
      <PreviewError error={p.error} testId="bundle-preview-error" />
      {b ? (
        <div className={`ex-preview-body${p.job ? ' busy' : ''}`}>
          <Summary bundle={b} />
          <button type="button" className="btn small ghost ex-raw-toggle" aria-expanded={raw} aria-controls="ex-raw" onClick={() => setRaw(!raw)} data-testid="bundle-raw-toggle">
            <Icon name={raw ? 'chevron-down' : 'chevron-right'} size={13} /> Raw JSON
          </button>
          {raw ? <RawJson id="ex-raw" value={b} /> : null}
        </div>
      ) : !p.job && !p.error ? (
        <PreviewIdle onRun={() => void run('bundle', true)} testId="bundle-preview-run" />
      ) : null}
    </section>
  );
}
