// One signal in the catalogue: its name (description as tooltip), distribution, missing values,
// and its weight as a slider with a number beside it. Each row subscribes to its own weight only,
// so moving one slider re-renders one row.
import { memo, useEffect, useState } from 'react';
import type { SignalInfo, SignalSummary } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatCompact, formatInt } from '../../lib/format.ts';
import { clampWeight, WEIGHT_MAX, WEIGHT_MIN } from '../../lib/scoringWeights.ts';
import { Sparkline } from './Sparkline.tsx';

interface SignalRowProps {
  info: SignalInfo;
  summary: SignalSummary | undefined;
  customers: number;
}

function missingTitle(info: SignalInfo, missing: number): string {
  const policy = info.missing === 'worst' ? 'they count as the least intent on this signal' : 'the signal says nothing about them, and their score uses the other signals';
  return `${formatInt(missing)} customers have no value: ${policy}.`;
}

function WeightNumber({ id, label, weight }: { id: string; label: string; weight: number }) {
  const setWeight = useApp((s) => s.setWeight);
  const [text, setText] = useState(String(weight));
  // Follow changes from elsewhere (the slider, Reset, Accept) unless the text already says the same.
  useEffect(() => {
    setText((t) => (Number(t) === weight && t.trim() !== '' ? t : String(weight)));
  }, [weight]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) setText(String(weight));
    else {
      setWeight(id, clampWeight(n));
      setText(String(clampWeight(n)));
    }
  };
  return (
    <input
      type="number"
      className="input num sig-weight-num"
      min={WEIGHT_MIN}
      max={WEIGHT_MAX}
      step={1}
      value={text}
      aria-label={`Weight of ${label}, number`}
      data-testid="weight-input"
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= WEIGHT_MIN && n <= WEIGHT_MAX) setWeight(id, n);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function DeleteSignal({ info }: { info: SignalInfo }) {
  const del = useApp((s) => s.deleteSignal);
  const deleting = useApp((s) => s.deletingSignal === info.id);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    if (!confirm) return;
    const t = setTimeout(() => setConfirm(false), 4000);
    return () => clearTimeout(t);
  }, [confirm]);
  if (deleting) return <span className="spinner" aria-label="Deleting" />;
  return confirm ? (
    <button type="button" className="btn small danger" onClick={() => void del(info.id)} data-testid="signal-delete-confirm" autoFocus>
      Delete?
    </button>
  ) : (
    <button
      type="button"
      className="btn small ghost icon-only"
      onClick={() => setConfirm(true)}
      aria-label={`Delete the signal ${info.label}`}
      title="Delete this signal"
      data-testid="signal-delete"
    >
      <Icon name="trash" size={13} />
    </button>
  );
}

export const SignalRow = memo(function SignalRow({ info, summary, customers }: SignalRowProps) {
  const weight = useApp((s) => s.scoring?.weights[info.id] ?? 0);
  const setWeight = useApp((s) => s.setWeight);
  const fillFrom = 50 + Math.min(0, weight) / 2;
  const fillTo = 50 + Math.max(0, weight) / 2;
  const missing = summary?.missing ?? 0;
  return (
    <li className={`sig-row${weight === 0 ? ' off' : ''}`} data-testid="signal-row" data-signal-id={info.id} data-weight={weight}>
      <div className="sig-row-top">
        <span className="sig-label" title={info.description}>
          {info.label}
        </span>
        {info.direction === -1 ? (
          <span className="sig-dir" title="Less means more intent (fewer days since, lower is better)" aria-label="less is more intent">
            ↓
          </span>
        ) : null}
        {missing > 0 ? (
          <span className="sig-missing num" title={missingTitle(info, missing)} data-testid="signal-missing">
            {formatCompact(missing)} missing
          </span>
        ) : null}
        {!info.builtIn ? <DeleteSignal info={info} /> : null}
      </div>
      <div className="sig-row-bottom">
        <Sparkline summary={summary} customers={customers} />
        <input
          type="range"
          className="sig-slider"
          min={WEIGHT_MIN}
          max={WEIGHT_MAX}
          step={1}
          value={weight}
          aria-label={`Weight of ${info.label}`}
          aria-valuetext={weight === 0 ? 'not in the score' : `${weight}${weight < 0 ? ', counts against intent' : ''}`}
          data-testid="weight-slider"
          style={{ '--fill-from': `${fillFrom}%`, '--fill-to': `${fillTo}%` } as React.CSSProperties}
          onChange={(e) => setWeight(info.id, Number(e.target.value))}
        />
        <WeightNumber id={info.id} label={info.label} weight={weight} />
      </div>
    </li>
  );
});
