// The comparison in a few figures: how alike the two groupings are (ARI, NMI, each in a sentence),
// how many customers, and which segmentation separates the customers who went on to buy better.
import type { ReactNode } from 'react';
import type { Comparison } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { formatDuration, formatInt } from '../../../lib/format.ts';
import { agreementSentence, describeAri, describeNmi, formatAuc, formatAucDifference, formatIndex, formatRate } from './compareText.ts';

function Separation({ r }: { r: Comparison }) {
  const o = r.outcome;
  if (!o) {
    return (
      <p className="vp-note" data-testid="compare-separation-none">
        <Icon name="info" size={14} /> <span>No outcome to separate: {r.outcomeNote ?? 'the data does not reach past the as-of date.'}</span>
      </p>
    );
  }
  const s = o.separation;
  const better = s.better === 'a' ? r.a.label : s.better === 'b' ? r.b.label : null;
  return (
    <div className="cmp-separation" data-testid="compare-separation" data-better={s.better}>
      <p className="cmp-verdict" data-testid="compare-separation-text">
        <Icon name={better ? 'check' : 'info'} size={15} /> <span>{s.text}</span>
      </p>
      <dl className="cmp-aucs">
        <div title={`How often a customer who converted sits in a segment of ${r.a.label} with a higher conversion rate than one who did not (0.5 = chance)`}>
          <dt>
            AUC <span className="cmp-side-tag">A</span> {r.a.label}
          </dt>
          <dd className="num" data-testid="compare-auc-a">
            {formatAuc(s.a)}
          </dd>
        </div>
        <div title={`The same for ${r.b.label}`}>
          <dt>
            AUC <span className="cmp-side-tag">B</span> {r.b.label}
          </dt>
          <dd className="num" data-testid="compare-auc-b">
            {formatAuc(s.b)}
          </dd>
        </div>
        <div title="A minus B, with the interval from the same bootstrap resamples: when it excludes 0 the difference is real">
          <dt>A − B</dt>
          <dd className="num" data-testid="compare-auc-diff">
            {formatAucDifference(s.difference)}
          </dd>
        </div>
        <div title="Both together (each cell's conversion rate as the score): what combining the two segmentations adds">
          <dt>Combined (cells)</dt>
          <dd className="num" data-testid="compare-auc-combined">
            {formatAuc(s.combined)}
          </dd>
        </div>
      </dl>
      <p className="cmp-small faint">
        95% intervals from {formatInt(s.replicates)} bootstrap resamples. Base rate {formatRate(o.baseRate)}: {formatInt(o.converters)} of {formatInt(r.customers)} customers bought in the{' '}
        {formatInt(r.outcomeDays)} days to {o.windowEnd}.
      </p>
    </div>
  );
}

/** One summary figure: its label, the value large, and what it means in words (testId-text). */
function Figure({ label, title, value, testId, children }: { label: string; title: string; value: string; testId: string; children: ReactNode }) {
  return (
    <div className="cmp-figure" title={title}>
      <span className="cmp-figure-label">{label}</span>
      <strong className="num" data-testid={testId}>
        {value}
      </strong>
      <p data-testid={`${testId}-text`}>{children}</p>
    </div>
  );
}

export function CompareSummary() {
  const r = useApp((s) => s.compareResult);
  if (!r) return null;
  return (
    <section className="vp-card cmp-card" aria-labelledby="cmp-summary-title" data-testid="compare-summary">
      <header className="vp-card-head">
        <h3 id="cmp-summary-title" className="cmp-pair-title">
          <span className="cmp-side-tag">A</span> <span data-testid="compare-a-label">{r.a.label}</span> <span className="faint">vs</span> <span className="cmp-side-tag">B</span>{' '}
          <span data-testid="compare-b-label">{r.b.label}</span>
        </h3>
        <span className="muted vp-head-note">
          as of {r.asOf} · computed in {formatDuration(r.computedMs)}
        </span>
      </header>
      <div className="cmp-figures">
        <Figure label="ARI" title="Adjusted Rand index: 1 = the same grouping, 0 = no more alike than chance, below 0 = less" value={formatIndex(r.ari)} testId="compare-ari">
          {agreementSentence(r.ari, describeAri)}
        </Figure>
        <Figure label="NMI" title="Normalised mutual information: 1 = one segmentation determines the other, 0 = they share no information" value={formatIndex(r.nmi)} testId="compare-nmi">
          {agreementSentence(r.nmi, describeNmi)}
        </Figure>
        <Figure label="Customers" title="Customers known as of the date, in both segmentations" value={formatInt(r.customers)} testId="compare-customers">
          in {formatInt(r.a.segments.filter((s) => s.customers > 0).length)} segments of A × {formatInt(r.b.segments.filter((s) => s.customers > 0).length)} of B
        </Figure>
      </div>
      <Separation r={r} />
    </section>
  );
}
