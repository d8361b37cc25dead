// The date the dated formats are evaluated at (one date for all of them): empty means core's default
// (the signals' date, or the newest data when no signals were computed), shown as the date the
// preview used; the Scorecard, with no preview, shows the default core last named.
import { useApp } from '../../store/index.ts';
import { defaultAsOfDay, isIsoDay } from '../../lib/isoDay.ts';
import { isPreviewFormat, type DatedFormat } from '../../store/exportSlice.ts';

export function AsOfField({ format }: { format: DatedFormat }) {
  const asOf = useApp((s) => s.exportAsOf);
  const shown = useApp((s) => (isPreviewFormat(format) ? s.exportPreviews[format].value?.asOf : (s.exportDefaultDay ?? defaultAsOfDay(s.workspace?.lastEventAt))) ?? '');
  const setAsOf = useApp((s) => s.setExportAsOf);
  const first = useApp((s) => defaultAsOfDay(s.workspace?.firstEventAt));
  const last = useApp((s) => defaultAsOfDay(s.workspace?.lastEventAt));
  const issue = useApp((s) => (isPreviewFormat(format) ? s.exportPreviews[format].error?.issues.find((i) => i.field === 'asOf')?.message : undefined));
  const id = `export-asof-${format}`;
  return (
    <div className="field ex-date-field">
      <label htmlFor={id}>As of</label>
      <div className="ex-date-row">
        <input
          id={id}
          type="date"
          className={`input${issue ? ' invalid' : ''}`}
          value={asOf || shown}
          min={first ?? undefined}
          max={last ?? undefined}
          onChange={(e) => {
            if (e.target.value === '' || isIsoDay(e.target.value)) setAsOf(e.target.value);
          }}
          aria-invalid={issue ? true : undefined}
          aria-describedby={`${id}-hint`}
          data-testid="export-asof"
          data-default={asOf === '' || undefined}
        />
        {asOf !== '' ? (
          <button type="button" className="btn small ghost" onClick={() => setAsOf('')} title="Back to the default date: the signals’ date (the newest data)" data-testid="export-asof-latest">
            Latest
          </button>
        ) : null}
      </div>
      {issue ? (
        <span className="field-error" role="alert" id={`${id}-hint`} data-testid="export-issue-asOf">
          {issue}
        </span>
      ) : (
        <span className="hint" id={`${id}-hint`}>
          {asOf !== '' ? 'Only events before this day count.' : format === 'sql' ? 'Default: the day after the newest event.' : 'Default: the signals’ date (the newest data).'}
        </span>
      )}
    </div>
  );
}
