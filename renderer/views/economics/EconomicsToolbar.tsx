// The set-up above the figures: which segmentation, as of which date (default: the signals' date),
// the outcome window, a running table's progress with Cancel, and the settings the money figures
// depend on. Any change runs the table again.
import { useState } from 'react';
import type { SegmentationOption } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { ECONOMICS_OUTCOME_DAYS_MAX, economicsKey } from '../../store/economicsSlice.ts';
import { SegmentationSelect } from '../../components/SegmentationSelect.tsx';
import { isIsoDay, defaultAsOfDay } from '../../lib/isoDay.ts';
import { NumberField } from '../signals/NumberField.tsx';
import { RunOrProgress } from '../signals/InlineJob.tsx';
import { settingsSummary, settingsTitle } from './economicsText.ts';
import { SettingsDialog } from './SettingsDialog.tsx';

function RefSelect({ options }: { options: SegmentationOption[] }) {
  const value = useApp((s) => s.economicsDraft.ref);
  const setRef = useApp((s) => s.setEconomicsRef);
  return <SegmentationSelect id="economics-segmentation" label="Segmentation" options={options} value={value} onChange={setRef} className="ec-seg-field" testId="economics-segmentation" />;
}

function AsOfField() {
  const draft = useApp((s) => s.economicsDraft);
  const tableAsOf = useApp((s) => s.economicsTable?.asOf ?? '');
  const setAsOf = useApp((s) => s.setEconomicsAsOf);
  const first = useApp((s) => defaultAsOfDay(s.workspace?.firstEventAt));
  const last = useApp((s) => defaultAsOfDay(s.workspace?.lastEventAt));
  const issue = useApp((s) => s.economicsError?.issues.find((i) => i.field === 'asOf')?.message);
  return (
    <div className="field ec-date-field">
      <label className="label" htmlFor="economics-asof">
        As of
      </label>
      <div className="ec-date-row">
        <input
          id="economics-asof"
          type="date"
          className="input"
          value={draft.asOf || tableAsOf}
          min={first ?? undefined}
          max={last ?? undefined}
          onChange={(e) => {
            if (isIsoDay(e.target.value)) setAsOf(e.target.value);
          }}
          data-testid="economics-asof"
          data-default={draft.asOf === '' || undefined}
        />
        {draft.asOf !== '' ? (
          <button type="button" className="btn small ghost" onClick={() => setAsOf('')} title="Back to the signals’ date (the newest data)" data-testid="economics-asof-latest">
            Latest
          </button>
        ) : null}
      </div>
      {issue ? (
        <span className="field-error" role="alert" data-testid="economics-issue-asOf">
          {issue}
        </span>
      ) : null}
    </div>
  );
}

function RunSlot() {
  const job = useApp((s) => s.economicsJob);
  const cancel = useApp((s) => s.cancelEconomics);
  const run = useApp((s) => s.runEconomics);
  const fresh = useApp((s) => s.economicsTable !== null && s.economicsTableKey === economicsKey(s.economicsDraft));
  const canRun = useApp((s) => s.economicsDraft.ref !== null);
  return (
    <RunOrProgress
      job={job}
      onCancel={cancel}
      testIdPrefix="economics"
      startingText="Starting…"
      onRun={() => void run()}
      fresh={fresh}
      disabled={!canRun}
      title={fresh ? 'Compute the figures again (after new segments, a re-fit or new RFM settings)' : 'Compute the figures'}
      label="Compute"
      againLabel="Refresh"
    />
  );
}

export function EconomicsToolbar({ options }: { options: SegmentationOption[] }) {
  const days = useApp((s) => s.economicsDraft.outcomeDays);
  const setDays = useApp((s) => s.setEconomicsOutcomeDays);
  const settings = useApp((s) => s.economicsSettings);
  const daysIssue = useApp((s) => s.economicsError?.issues.find((i) => i.field === 'outcomeDays')?.message);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const summary = settings ? settingsSummary(settings) : '';
  const title = settings ? settingsTitle(settings) : '';
  return (
    <section className="ec-bar" aria-label="Economics set-up" data-testid="economics-setup">
      <RefSelect options={options} />
      <AsOfField />
      <div className="field ec-days-field" title="Conversion is a purchase in this many days after the as-of date">
        <label className="label" htmlFor="economics-days">
          Outcome days
        </label>
        <NumberField value={days} min={1} max={ECONOMICS_OUTCOME_DAYS_MAX} onCommit={setDays} live={() => false} label="Outcome window in days" testId="economics-outcome-days" />
        {daysIssue ? (
          <span className="field-error" role="alert">
            {daysIssue}
          </span>
        ) : null}
      </div>
      <div className="ec-run-slot">
        <RunSlot />
      </div>
      <span className="spacer" />
      <div className="ec-settings-slot">
        <span className="ec-settings-summary muted" title={title} data-testid="economics-settings-summary">
          {summary}
        </span>
        <button type="button" className="btn" onClick={() => setSettingsOpen(true)} disabled={!settings} data-testid="economics-settings-open">
          Settings…
        </button>
      </div>
      {settingsOpen && settings ? <SettingsDialog settings={settings} onClose={() => setSettingsOpen(false)} /> : null}
    </section>
  );
}
