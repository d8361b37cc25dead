// The date both formats are evaluated at: empty means core's default (the signals' date, or the
// newest data when no signals were computed), shown as the date the preview used.
import { useApp } from '../../store/index.ts';
import { defaultAsOfDay, isIsoDay } from '../../lib/isoDay.ts';
import type { PreviewFormat } from '../../store/exportSlice.ts';

export function AsOfField({ format }: { format: PreviewFormat }) {
  const asOf = useApp((s) => s.exportAsOf);
  const shown = useApp((s) => s.exportPreviews[format].value?.asOf ?? '');
  const setAsOf = useApp((s) => s.setExportAsOf);
  const first = useApp((s) => defaultAsOfDay(s.workspace?.firstEventAt));
  const last = useApp((s) => defaultAsOfDay(s.workspace?.lastEventAt));
  const issue = useApp((s) => s.exportPreviews[format].error?.issues.find((i) => i.field === 'asOf')?.message);
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
          {asOf === '' ? 'Default: the signals’ date (the newest data).' : 'Only events before this day count.'}
        </span>
      )}
    </div>
  );
}
