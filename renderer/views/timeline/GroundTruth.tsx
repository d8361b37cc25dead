// The sample generator's hidden behaviour type per month. Labelled loudly: it exists only to
// evaluate segments against, and must never be mistaken for something the analyst could know.
import { Icon } from '../../components/Icon.tsx';
import { humanize } from '../../lib/format.ts';
import { behaviourRuns } from './groupByDay.ts';

export function GroundTruth({ months }: { months: Array<{ month: string; behaviourType: string }> }) {
  const runs = behaviourRuns(months);
  return (
    <section className="tl-section tl-truth" data-testid="ground-truth">
      <div className="tl-section-head">
        <h4>Hidden behaviour type (sample ground truth, evaluation only)</h4>
      </div>
      <p className="tl-truth-note faint">
        <Icon name="info" size={12} /> Known only because this is generated data; no segment uses it.
      </p>
      <ol className="truth-runs">
        {runs.map((r) => (
          <li key={r.from}>
            <span className="mono num truth-months">{r.from === r.to ? r.from : `${r.from} – ${r.to}`}</span>
            <span className="truth-type">{humanize(r.behaviourType)}</span>
            <span className="faint num">{r.months === 1 ? '1 month' : `${r.months} months`}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
