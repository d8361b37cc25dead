// The figures of the pair on screen in one line, and a note when the set-up above no longer
// matches the result shown (it stays until the next run replaces it).
import { useApp } from '../../store/index.ts';
import { draftKey, resultKey } from '../../store/migrationSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { findTransition, pairFacts, summaryText } from './migrationText.ts';

export function StaleNote() {
  const r = useApp((s) => s.migrationResult);
  const draft = useApp((s) => s.migrationDraft);
  const job = useApp((s) => s.migrationJob);
  if (!r || resultKey(r) === draftKey(draft)) return null;
  return (
    <p className="vp-stale muted" data-testid="migration-stale">
      <Icon name="info" size={13} />{' '}
      {job
        ? `Computing a new series; shown meanwhile: ${r.label}, ${r.days.length} dates from ${r.days[0]} to ${r.days.at(-1)}.`
        : `The set-up changed since this run (shown: ${r.label}, ${r.days.length} dates from ${r.days[0]} to ${r.days.at(-1)}). Press Run to update it.`}
    </p>
  );
}

export function Summary() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const t = r ? findTransition(r, pair) : null;
  if (!r || !t || !pair) return null;
  const f = pairFacts(r, t);
  return (
    <p className="mg-summary" title={summaryText(f, pair)} data-testid="migration-summary" data-customers={f.customers} data-moved={f.moved} data-stayed={f.stayed} data-entered={f.entered} data-dates={f.dates}>
      <strong className="num">{f.dates}</strong> dates, <strong className="num">{formatInt(f.customers)}</strong> customers on {pair.to}; between {pair.from} and {pair.to}{' '}
      <strong className="num">{formatInt(f.moved)}</strong> moved, <strong className="num">{formatInt(f.stayed)}</strong> stayed,{' '}
      <strong className="num">{formatInt(f.entered)}</strong> new
    </p>
  );
}
