// One customer's score explained: the sentence, and each signal's contribution as a diverging bar
// (points above or below an average customer), with a way to their timeline in the Data view.
import type { CustomerScore } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { PHASE_LABELS } from '../../charts/phases/palette.ts';
import { divergingBar, formatPoints, maxAbsPoints } from './diverging.ts';

function Contributions({ score }: { score: CustomerScore }) {
  const max = maxAbsPoints(score.contributions);
  if (score.contributions.length === 0) return <p className="muted">No signal in the score has a value for this customer.</p>;
  return (
    <ul className="sig-contribs" aria-label="Contributions to the score">
      {score.contributions.map((c) => {
        const bar = divergingBar(c.points, max);
        return (
          <li key={c.signalId} className="sig-contrib" data-testid="contribution-row" data-signal-id={c.signalId}>
            <span className="sig-contrib-text" title={c.text}>
              {c.text}
            </span>
            <span className="sig-contrib-bar" aria-hidden="true">
              <span className="sig-contrib-axis" />
              <span className={`sig-contrib-fill${bar.positive ? ' up' : ' down'}`} style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />
            </span>
            <span className={`sig-contrib-points num${c.points < 0 ? ' down' : ''}`}>{formatPoints(c.points)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function CustomerDetail() {
  const score = useApp((s) => s.selectedScore);
  const id = useApp((s) => s.selectedId);
  const loading = useApp((s) => s.selectedLoading);
  const error = useApp((s) => s.selectedError);
  const close = useApp((s) => s.closeCustomerScore);
  const openTimeline = useApp((s) => s.openCustomerTimeline);
  if (!id) {
    return (
      <div className="sig-detail sig-detail-empty muted" data-testid="customer-detail-empty">
        <Icon name="pointer" size={18} />
        <p>Choose a customer to see which signals put them in their phase.</p>
      </div>
    );
  }
  return (
    <div className="sig-detail" data-testid="customer-detail" data-customer-id={id} aria-busy={loading}>
      <div className="sig-detail-head">
        <div>
          <div className="sig-detail-id mono">{id}</div>
          {score ? (
            <div className="sig-detail-meta">
              <span className={`badge phase-badge phase-${score.phase}`}>{PHASE_LABELS[score.phase]}</span>
              <span className="num">
                score <strong>{score.score.toFixed(1)}</strong>
              </span>
            </div>
          ) : null}
        </div>
        <span className="spacer" />
        {loading && score ? <span className="spinner" aria-label="Loading" /> : null}
        <button type="button" className="btn small ghost icon-only" onClick={close} aria-label="Close the explanation" title="Close">
          <Icon name="x" size={13} />
        </button>
      </div>
      {error ? (
        <p className="danger-text" role="alert" data-testid="customer-detail-error">
          {error}
        </p>
      ) : null}
      {!score && !error ? (
        <p className="muted sig-pad" role="status">
          <span className="spinner" /> Explaining the score…
        </p>
      ) : null}
      {score ? (
        <>
          <p className="sig-detail-why" data-testid="customer-explanation">
            {score.explanation}
          </p>
          <h4>Contributions</h4>
          <p className="faint sig-detail-note">Points each signal adds to or takes from the score, compared with an average customer.</p>
          <Contributions score={score} />
          <div className="sig-detail-actions">
            <button type="button" className="btn small" onClick={() => openTimeline(score.customerId)} data-testid="open-timeline">
              <Icon name="activity" size={13} /> Open timeline in Data
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
