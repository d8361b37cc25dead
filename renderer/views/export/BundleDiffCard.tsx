// What changed in the definitions since an earlier bundle, grouped by area: the item, whether it
// was added, removed or changed, before → after (long values shortened, the whole on demand), and
// the amount (a weight's difference, how far a centroid moved). Core's message as it is when the
// file cannot be read as a bundle.
import { useState } from 'react';
import type { BundleChange } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { baseName } from '../../lib/paths.ts';
import { formatDateTime } from '../../lib/format.ts';
import { InlineJob } from '../signals/InlineJob.tsx';
import { amountText, diffCountText, groupChanges, prettyValue, shortValue } from './exportText.ts';

function Value({ value }: { value: string | null }) {
  const v = shortValue(value);
  return (
    <span className={`ex-value mono${value === null ? ' faint' : ''}`} title={v.full ?? undefined}>
      {v.text}
    </span>
  );
}

function ChangeRow({ change }: { change: BundleChange }) {
  const [open, setOpen] = useState(false);
  const long = shortValue(change.before).full !== null || shortValue(change.after).full !== null;
  const amount = amountText(change);
  return (
    <>
      <tr data-testid="bundle-diff-row" data-area={change.area} data-kind={change.kind} data-item={change.item}>
        <th scope="row" className="ex-diff-item">
          {change.item}
        </th>
        <td>
          <span className={`ex-kind ${change.kind}`}>{change.kind}</span>
        </td>
        <td className="ex-diff-values">
          {change.before === null && change.after === null ? (
            <span className="faint">—</span>
          ) : (
            <>
              <Value value={change.before} />
              <span className="ex-arrow" aria-label="becomes">
                →
              </span>
              <Value value={change.after} />
            </>
          )}
          {long ? (
            <button type="button" className="vp-link ex-more" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="bundle-diff-more">
              {open ? 'less' : 'more'}
            </button>
          ) : null}
        </td>
        <td className={`right num ex-amount${change.amount !== undefined && change.amount < 0 ? ' down' : ''}`} data-testid="bundle-diff-amount">
          {amount ?? ''}
        </td>
      </tr>
      {open ? (
        <tr className="ex-diff-full">
          <td colSpan={4}>
            <div className="ex-diff-full-grid">
              <div>
                <h5>Before</h5>
                <pre className="mono">{change.before === null ? '—' : prettyValue(change.before)}</pre>
              </div>
              <div>
                <h5>After</h5>
                <pre className="mono">{change.after === null ? '—' : prettyValue(change.after)}</pre>
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function BundleDiffCard() {
  const { path, job, result, error } = useApp((s) => s.exportDiff);
  const cancel = useApp((s) => s.cancelBundleDiff);
  const clear = useApp((s) => s.clearBundleDiff);
  if (!path) return null;
  const groups = result ? groupChanges(result.changes) : [];
  return (
    <section className="vp-card ex-diff" aria-labelledby="ex-diff-title" data-testid="bundle-diff" data-changes={result?.changes.length}>
      <header className="vp-card-head">
        <h3 id="ex-diff-title">Changes since {baseName(path)}</h3>
        {result ? (
          <span className="muted vp-head-note" title={path}>
            exported {formatDateTime(Date.parse(result.from.createdAt))} as of {result.from.asOf} · {diffCountText(result.changes)}
          </span>
        ) : null}
        <span className="spacer" />
        {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="bundle-diff" startingText="Reading the bundle…" /> : null}
        {!job ? (
          <button type="button" className="btn small ghost icon-only" onClick={clear} aria-label="Close the comparison" title="Close the comparison" data-testid="bundle-diff-close">
            <Icon name="x" size={14} />
          </button>
        ) : null}
      </header>
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="bundle-diff-error" data-code={error.code}>
          <Icon name="alert" size={16} />
          <p>{error.message}</p>
        </div>
      ) : null}
      {result && !result.sameData ? (
        <div className="sig-alert warning" role="note" data-testid="bundle-diff-other-data">
          <Icon name="alert" size={16} />
          <p>That bundle was built on other data (another fingerprint): the definitions compare, but its membership sizes do not describe this workspace.</p>
        </div>
      ) : null}
      {result && result.changes.length === 0 ? (
        <p className="vp-note" data-testid="bundle-diff-empty">
          <Icon name="check" size={14} /> No changes since that bundle.
        </p>
      ) : null}
      {groups.length ? (
        <div className="ex-table-wrap">
          <table className="vp-table ex-diff-table" data-testid="bundle-diff-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="ex-narrow">
                  Change
                </th>
                <th scope="col">Before → after</th>
                <th scope="col" className="right ex-narrow">
                  Amount
                </th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.area} data-testid="bundle-diff-group" data-area={g.area}>
                <tr className="ex-group-row">
                  <th colSpan={4} scope="rowgroup">
                    {g.title} <span className="faint num">{g.changes.length}</span>
                  </th>
                </tr>
                {g.changes.map((c, i) => (
                  <ChangeRow key={`${c.item}|${i}`} change={c} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      ) : null}
    </section>
  );
}
