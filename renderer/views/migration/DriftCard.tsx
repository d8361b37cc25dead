// In sample workspaces: how well the segment moves follow the behaviour drift the generator hid in
// the data (between consecutive dates of the series). Real workspaces have no such truth.
import { useApp } from '../../store/index.ts';
import { formatInt } from '../../lib/format.ts';
import { Icon } from '../../components/Icon.tsx';

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

function Figure({ label, value, title, testId }: { label: string; value: string; title: string; testId: string }) {
  return (
    <div className="mg-figure" title={title}>
      <span className="mg-figure-value num" data-testid={testId}>
        {value}
      </span>
      <span className="mg-figure-label muted">{label}</span>
    </div>
  );
}

export function DriftCard() {
  const drift = useApp((s) => s.migrationResult?.drift ?? null);
  if (!drift) return null;
  return (
    <section className="vp-card mg-card mg-drift" aria-labelledby="mg-drift-title" data-testid="migration-drift">
      <header className="vp-card-head">
        <h3 id="mg-drift-title">Against the hidden drift</h3>
        <span className="badge accent">Sample data</span>
        <span className="muted vp-head-note">
          {formatInt(drift.customers)} customer-date pairs judged over {drift.pairs.length} consecutive {drift.pairs.length === 1 ? 'pair' : 'pairs'} of dates
        </span>
      </header>
      <div className="mg-drift-body">
        <div className="mg-figures">
          <Figure label="Recall" value={pct(drift.recall)} title="Of the customers whose hidden behaviour type changed, the share who also changed segment" testId="migration-drift-recall" />
          <Figure label="Precision" value={pct(drift.precision)} title="Of the customers who changed segment, the share whose hidden type changed too" testId="migration-drift-precision" />
          <Figure
            label="False alarms"
            value={pct(drift.falseAlarm)}
            title="Of the customers whose hidden type did not change, the share who changed segment anyway"
            testId="migration-drift-false-alarm"
          />
        </div>
        <p className="mg-drift-text" data-testid="migration-drift-text">
          <Icon name="info" size={13} /> {drift.text}
        </p>
      </div>
    </section>
  );
}
