// The view's header: what the prediction on screen is (calibration, holdout, customers, model).
import { useApp } from '../../store/index.ts';
import { formatDuration, formatInt } from '../../lib/format.ts';
import { MODEL_TITLES, CHOSEN_KEY } from './display.ts';

export function PredictHeader() {
  const r = useApp((s) => s.predictResult);
  const range = useApp((s) => s.predictRange);
  const status = r
    ? `${formatInt(r.customers)} customers calibrated to ${r.calibrationEnd}${r.holdoutEnd ? `, holdout to ${r.holdoutEnd}` : ', no holdout'} · ${r.chosen ? MODEL_TITLES[CHOSEN_KEY[r.chosen]].title : 'no usable model'} · computed in ${formatDuration(r.computedMs)}`
    : range
      ? `Data from ${range.first} to ${range.last}`
      : null;
  return (
    <div className="toolbar vp-header" role="toolbar" aria-label="Predict">
      <h2 className="vp-title">Predict</h2>
      {status ? (
        <span className="pr-status muted" data-testid="predict-status" title={status}>
          {status}
        </span>
      ) : (
        <span className="spacer" />
      )}
    </div>
  );
}
